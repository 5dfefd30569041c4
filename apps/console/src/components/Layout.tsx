import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../session/SessionContext';
import { ErrorMessage } from './ErrorMessage';

interface NavItem {
  href: string;
  label: string;
  adminOnly?: boolean;
  matches: (path: string) => boolean;
}

const NAV: NavItem[] = [
  { href: '/', label: 'Leaderboard', matches: (p) => p === '/' || p.startsWith('/contacts') },
  { href: '/accounts', label: 'Accounts', matches: (p) => p.startsWith('/accounts') },
  { href: '/models', label: 'Models', matches: (p) => p.startsWith('/models') },
  { href: '/webhooks', label: 'Webhooks', matches: (p) => p.startsWith('/webhooks') },
  { href: '/keys', label: 'Keys', matches: (p) => p.startsWith('/keys') },
  { href: '/users', label: 'Users', adminOnly: true, matches: (p) => p.startsWith('/users') },
  { href: '/health', label: 'Pipeline health', matches: (p) => p.startsWith('/health') },
];

export function Layout({ children }: { children: ReactNode }) {
  const { user, can, signOut } = useSession();
  const [location] = useLocation();
  const [signOutError, setSignOutError] = useState<unknown>(null);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="brand">
          leadscore <span className="brand-sub">console</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((item) => !item.adminOnly || can('admin')).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.matches(location) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {user ? (
          <div className="user-box">
            <span>
              <Link
                href="/account"
                className="user-name"
                aria-label={`Your account: ${user.name || user.email}`}
              >
                {user.name || user.email}
              </Link>{' '}
              <span className="role-badge" aria-label={`role ${user.role}`}>
                {user.role}
              </span>
            </span>
            <button
              type="button"
              onClick={() => {
                signOut().catch((error: unknown) => setSignOutError(error));
              }}
            >
              Sign out
            </button>
          </div>
        ) : null}
      </header>
      <ErrorMessage error={signOutError} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
