import { Component, type ReactNode } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { ErrorPanel } from '../ErrorPanel/ErrorPanel';

interface BoundaryState {
  readonly error: ApiError | null;
}

/** Catches a page that fails to load or render (e.g. a page chunk lost to the network) and offers Retry. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  /** Records the failure so the next render shows the message instead of a blank page. */
  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: toApiError(error) };
  }

  override render() {
    if (this.state.error) {
      return <ErrorPanel error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
