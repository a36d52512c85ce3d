import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api';
import { ME_KEY, useMe, useSetMe } from '../auth';
import { useForum } from '../hooks';
import { LANGUAGES } from '../i18n';
import { useUnreadCount } from '../features/decision/inbox';
import { Loading } from './Status';

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const id = useId();
  return (
    <div className="lang-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select
        id={id}
        data-testid="lang-switcher"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => {
          void i18n.changeLanguage(e.target.value).then(() => qc.invalidateQueries({ queryKey: ME_KEY }));
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const setMe = useSetMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const unread = useUnreadCount(!!me.data);
  if (me.isPending) return null;
  if (!me.data)
    return (
      <Link className="button button-secondary" to="/sign-in">
        {t('nav.signIn')}
      </Link>
    );
  return (
    <div className="user-menu">
      <Link to="/notifications" data-testid="inbox-link" className="inbox-link">
        {t('inbox.title')}
        {unread > 0 && (
          <>
            {' '}
            <span className="badge badge-count" data-testid="inbox-unread" aria-hidden="true">
              {unread}
            </span>
            <span className="visually-hidden"> {t('inbox.unread', { count: unread })}</span>
          </>
        )}
      </Link>
      <Link to="/profile" data-testid="me-name" className="me-name">
        {me.data.name}
      </Link>
      <button
        type="button"
        className="button button-secondary"
        onClick={async () => {
          try {
            await apiPost('/auth/logout');
          } finally {
            setMe(null);
            await qc.invalidateQueries();
            void navigate('/');
          }
        }}
      >
        {t('nav.signOut')}
      </button>
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const forum = useForum();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    setMenuOpen(false);
    // Move focus to the new page so keyboard and screen-reader users start at its content.
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const role = me.data?.role;
  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/participants', label: t('nav.participants') },
    { to: '/bodies', label: t('nav.bodies') },
    ...(me.data ? [{ to: '/negotiations', label: t('nav.negotiations') }] : []),
    ...(me.data ? [{ to: '/decisions', label: t('nav.decisions') }] : []),
    ...(role === 'secretariat' ? [{ to: '/registry', label: t('nav.registry') }] : []),
    ...(role === 'admin' ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('header.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-acronym">{forum.data?.acronym ?? 'Concord'}</span>
            <span className="brand-name">{forum.data?.name ?? ''}</span>
          </Link>
          <button
            type="button"
            className="menu-toggle button button-secondary"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {t('header.menu')}
          </button>
          <div id="site-nav" className={`header-nav ${menuOpen ? 'open' : ''}`}>
            <nav aria-label={t('nav.label')}>
              <ul className="nav-list">
                {links.map((l) => (
                  <li key={l.to}>
                    <NavLink to={l.to} end={l.end}>
                      {l.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header-tools">
              <LanguageSwitcher />
              <UserMenu />
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef} className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          {t('footer.text', { name: forum.data?.name ?? 'Concord' })}{' '}
          <a href="/api/docs">{t('footer.api')}</a>
        </p>
      </footer>
    </>
  );
}
