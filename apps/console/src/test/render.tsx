import { render } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { AppRoutes } from '../App';
import { SessionProvider } from '../session/SessionContext';

/** The whole console at `path` (relative to /console), on an in-memory location. */
export function renderApp(path: string) {
  const location = memoryLocation({ path, record: true });
  const result = render(
    <SessionProvider>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <AppRoutes />
      </Router>
    </SessionProvider>,
  );
  return { ...result, location };
}
