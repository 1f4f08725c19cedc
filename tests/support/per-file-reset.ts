// Runs before every unit test file. Unit files share a worker's modules (isolate: false in
// vitest.config.ts), so anything one file could leave behind is put back before the next begins:
// fake timers, spies, stubbed globals and env, and the page body and storage of a jsdom environment.
import { beforeAll, vi } from 'vitest';

beforeAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  if (typeof document !== 'undefined') {
    document.body.replaceChildren();
    window.localStorage.clear();
    window.sessionStorage.clear();
  }
});
