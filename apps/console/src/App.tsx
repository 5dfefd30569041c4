import type { ReactNode } from 'react';
import { Redirect, Route, Router, Switch, useLocation, useSearch } from 'wouter';
import { Layout } from './components/Layout';
import { AcceptPage } from './pages/AcceptPage';
import { ContactPage } from './pages/ContactPage';
import { HealthPage } from './pages/HealthPage';
import { AccountDetailPage } from './pages/AccountDetailPage';
import { AccountPage } from './pages/AccountPage';
import { AccountsPage } from './pages/AccountsPage';
import { KeysPage } from './pages/KeysPage';
import { LeaderboardPage } from './pages/LeaderboardPage';
import { ModelEditorPage } from './pages/ModelEditorPage';
import { ModelsPage } from './pages/ModelsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { UsersPage } from './pages/UsersPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { SessionProvider, useSession } from './session/SessionContext';

function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (state.status === 'loading')
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (state.status === 'error')
    return (
      <div className="error" role="alert">
        The console could not reach the api: {state.message}
      </div>
    );
  if (state.status === 'anonymous') {
    const here = location + (search ? `?${search}` : '');
    return <Redirect to={here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  return <>{children}</>;
}

/** The console's routes, relative to the router's base (/console in the browser). */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/accept" component={AcceptPage} />
      <Route>
        <RequireSession>
          <Layout>
            <Switch>
              <Route path="/" component={LeaderboardPage} />
              <Route path="/contacts/:contact" component={ContactPage} />
              <Route path="/accounts" component={AccountsPage} />
              <Route path="/accounts/:account" component={AccountDetailPage} />
              <Route path="/models" component={ModelsPage} />
              <Route path="/models/new" component={ModelEditorPage} />
              <Route path="/models/:id/edit" component={ModelEditorPage} />
              <Route path="/webhooks" component={WebhooksPage} />
              <Route path="/keys" component={KeysPage} />
              <Route path="/users" component={UsersPage} />
              <Route path="/health" component={HealthPage} />
              <Route path="/account" component={AccountPage} />
              <Route component={NotFoundPage} />
            </Switch>
          </Layout>
        </RequireSession>
      </Route>
    </Switch>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Router base="/console">
        <AppRoutes />
      </Router>
    </SessionProvider>
  );
}
