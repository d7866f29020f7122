import { useMutation, useQuery } from '@apollo/client/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, Redirect, useLocation } from 'wouter';
import { type ConnectionState, connectionState, onConnection } from '../api/client';
import { type Session, session } from '../api/session';
import { graphql } from '../gql';
import { LANGS, setLang, useT } from '../i18n/i18n';
import { NotificationBell } from '../notifications/bell';
import { MyAbilitiesQuery } from '../pages/account/account.graphql';
import { useMyMembership } from './use-my-membership';

const SignOut = graphql(`
  mutation SignOut {
    logout
  }
`);

function useConnection(): ConnectionState {
  const [state, setState] = useState(connectionState);
  useEffect(() => onConnection(setState), []);
  return state;
}

export function LanguageSwitch() {
  const { t, lang } = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons; a fieldset would need a legend.
    <div className="lang" role="group" aria-label={t('nav.language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

function NavItem({ to, current, children }: { to: string; current: boolean; children: ReactNode }) {
  return (
    <Link
      to={to}
      className={current ? 'active' : undefined}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}

/** Follows the person's memberships; a component, so that a guest (who has none) skips it. */
function MembershipFollower() {
  return null;
}

export function Layout({ current, children }: { current: Session; children: ReactNode }) {
  const { t } = useT();
  // What the server says this person may reach: links to show, and for a guest (who reads
  // nothing of the Committee but its open consultations) those and their account. Read alongside the page, not before it.
  const abilities = useQuery(MyAbilitiesQuery).data?.myAccount.can;
  const guest = abilities?.readCommittee === false;
  const connection = useConnection();
  const [logout] = useMutation(SignOut);
  useMyMembership();
  // After following a link, focus goes to the new page's content (as a page load would do).
  const [pathname] = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of `pathname`.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [pathname]);
  const signOut = async () => {
    // Signed out here even when the server cannot be reached; the token then simply expires.
    await logout().catch(() => undefined);
    session.end('signedOut');
  };
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          <span>{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          {!guest && (
            <>
              <NavItem to="/" current={pathname === '/'}>
                {t('nav.dashboard')}
              </NavItem>
              <NavItem to="/calendar" current={pathname.startsWith('/calendar')}>
                {t('nav.calendar')}
              </NavItem>
              <NavItem to="/membership" current={pathname.startsWith('/membership')}>
                {t('nav.membership')}
              </NavItem>
            </>
          )}
          {guest && (
            <NavItem to="/consultations" current={pathname.startsWith('/consultations')}>
              {t('consultations.nav')}
            </NavItem>
          )}
          {abilities?.managePeople && (
            <NavItem to="/people" current={pathname === '/people'}>
              {t('people.nav')}
            </NavItem>
          )}
          {abilities?.readAuditLog && (
            <NavItem to="/audit" current={pathname === '/audit'}>
              {t('audit.nav')}
            </NavItem>
          )}
          <NavItem to="/account" current={pathname === '/account'}>
            {t('account.nav')}
          </NavItem>
        </nav>
        <div className="account">
          {!guest && <NotificationBell />}
          <LanguageSwitch />
          <span className="who">{t('nav.signedInAs', { name: current.user.name })}</span>
          <button type="button" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      {connection === 'offline' && (
        <p className="banner banner-offline" role="status">
          {t('state.offline')}
        </p>
      )}
      {!guest && <MembershipFollower />}
      <main id="main" tabIndex={-1} ref={main}>
        {guest && pathname !== '/account' && !pathname.startsWith('/consultations') ? (
          <Redirect to="/consultations" replace />
        ) : (
          children
        )}
      </main>
    </>
  );
}
