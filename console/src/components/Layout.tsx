import { Link, Outlet, useLocation } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { UserMenu } from './UserMenu';

/** The main navigation. Sections of the console's second half add theirs here. */
const NAV: { to: '/' | '/catalog' | '/lineage' | '/approvals' | '/promotions' | '/runs' | '/sla' | '/orchestrators' | '/policies' | '/audit'; label: string; section: (path: string) => boolean }[] = [
  { to: '/', label: 'Home', section: (p) => p === '/' },
  { to: '/catalog', label: 'Catalog', section: (p) => p === '/catalog' || p.startsWith('/products/') },
  { to: '/lineage', label: 'Lineage', section: (p) => p === '/lineage' },
  { to: '/approvals', label: 'Approvals', section: (p) => p === '/approvals' },
  { to: '/promotions', label: 'Promotions', section: (p) => p === '/promotions' || p.startsWith('/promotions/') },
  { to: '/runs', label: 'Runs', section: (p) => p === '/runs' || p.startsWith('/runs/') },
  { to: '/sla', label: 'SLA', section: (p) => p === '/sla' || p.startsWith('/sla/') },
  { to: '/orchestrators', label: 'Orchestrators', section: (p) => p === '/orchestrators' },
  { to: '/policies', label: 'Policies', section: (p) => p === '/policies' },
  { to: '/audit', label: 'Audit', section: (p) => p === '/audit' },
];

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The signed-in shell: skip link, header (product name, navigation, user menu), <main>. */
export function AppLayout() {
  const { pathname } = useLocation();
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          <svg className="app-header__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <path d="M8 26V12l8-6 8 6v14h-5v-8h-6v8z" />
          </svg>
          Gatehouse
        </Link>
        <nav className="app-nav" aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                {/* the link of the section shown is marked; aria-current="page" (set by Link) only on its own page */}
                <Link to={item.to} className={item.section(pathname) ? 'app-nav__link is-active' : 'app-nav__link'} activeOptions={{ exact: true, includeSearch: false }}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <UserMenu />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
