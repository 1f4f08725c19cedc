import { createContext, useContext, type ReactNode } from 'react';
import type { CollectionStreamOpener } from './collection-events';

const CollectionStreamContext = createContext<CollectionStreamOpener | null>(null);

/** Makes the collection event stream available; without a provider, progress is polled instead. */
export function CollectionStreamProvider({
  open,
  children,
}: {
  open: CollectionStreamOpener | null;
  children: ReactNode;
}) {
  return <CollectionStreamContext.Provider value={open}>{children}</CollectionStreamContext.Provider>;
}

/** The stream opener of the nearest provider, or `null` (then progress is polled). */
export function useCollectionStreamOpener(): CollectionStreamOpener | null {
  return useContext(CollectionStreamContext);
}
