import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { Client } from 'graphql-ws';
import { Redirect, Route, Switch } from 'wouter';
import { createApolloClient, createWsClient, disposeWsClient } from '../api/client';
import { useSession } from '../api/session';
import { preloadDraftConnection } from '../editor/draft-connection';
import { apiLang, i18n } from '../i18n/i18n';
import { DraftQuery } from '../pages/draft/draft.graphql';
import { SignInPage } from '../pages/sign-in/sign-in-page';
import { markOnce } from '../ui/mark-once';
import { Layout } from './layout';
import { loadWhenNeeded } from './load-when-needed';

// The editor (TipTap, ProseMirror, Yjs) is the heaviest part: loaded only when a draft opens,
// and fetched at once, alongside the rest, when the page opened is a draft.
const loadDraftPage = () => import('../pages/draft/draft-page');
if (location.pathname.startsWith('/drafts/')) void loadDraftPage();
// A plain state update rather than React.lazy: React 19 holds a suspended page back for up to
// 300 ms after its code arrives, which is a third of the time to an editable draft.
const DraftPage = loadWhenNeeded(loadDraftPage);

// The other pages too are code of their own, so that opening a draft does not first load (and
// run) theirs; the page opened by its address is fetched at once, alongside the main script.
const loadDashboardPage = () =>
  import('../pages/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage }));
const loadWorkingGroupPage = () =>
  import('../pages/working-group/working-group-page').then((m) => ({
    default: m.WorkingGroupPage,
  }));
const loadCalendarPage = () =>
  import('../pages/calendar/calendar-page').then((m) => ({ default: m.CalendarPage }));
const loadMembershipPage = () =>
  import('../pages/membership/membership-page').then((m) => ({ default: m.MembershipPage }));
if (location.pathname === '/') void loadDashboardPage();
else if (location.pathname.startsWith('/groups/')) void loadWorkingGroupPage();
else if (location.pathname.startsWith('/calendar')) void loadCalendarPage();
else if (location.pathname.startsWith('/membership')) void loadMembershipPage();
const DashboardPage = loadWhenNeeded(loadDashboardPage);
const WorkingGroupPage = loadWhenNeeded(loadWorkingGroupPage);
const CalendarPage = loadWhenNeeded(loadCalendarPage);
const loadNotificationsPage = () =>
  import('../notifications/notifications-page').then((m) => ({ default: m.NotificationsPage }));
if (location.pathname === '/notifications') void loadNotificationsPage();
const NotificationsPage = loadWhenNeeded(loadNotificationsPage);
const MembershipPage = loadWhenNeeded(loadMembershipPage);
const loadCompileReportPage = () =>
  import('../pages/report/compile-report-page').then((m) => ({ default: m.CompileReportPage }));
if (location.pathname === '/report/compile') void loadCompileReportPage();
const CompileReportPage = loadWhenNeeded(loadCompileReportPage);
const loadAccountPage = () =>
  import('../pages/account/account-page').then((m) => ({ default: m.AccountPage }));
const loadPeoplePage = () =>
  import('../pages/people/people-page').then((m) => ({ default: m.PeoplePage }));
const loadAuditPage = () =>
  import('../pages/audit/audit-page').then((m) => ({ default: m.AuditPage }));
const loadInvitationPage = () =>
  import('../pages/account/invitation-page').then((m) => ({ default: m.InvitationPage }));
if (location.pathname === '/account') void loadAccountPage();
else if (location.pathname === '/people') void loadPeoplePage();
else if (location.pathname === '/audit') void loadAuditPage();
else if (location.pathname.startsWith('/invitation/')) void loadInvitationPage();
const loadConsultationsPage = () =>
  import('../pages/consultations/consultations-page').then((m) => ({
    default: m.ConsultationsPage,
  }));
const loadConsultationPage = () =>
  import('../pages/consultations/consultation-page').then((m) => ({
    default: m.ConsultationPage,
  }));
if (location.pathname === '/consultations') void loadConsultationsPage();
else if (location.pathname.startsWith('/consultations/')) void loadConsultationPage();
const ConsultationsPage = loadWhenNeeded(loadConsultationsPage);
const ConsultationPage = loadWhenNeeded(loadConsultationPage);
const AccountPage = loadWhenNeeded(loadAccountPage);
const PeoplePage = loadWhenNeeded(loadPeoplePage);
const AuditPage = loadWhenNeeded(loadAuditPage);
const InvitationPage = loadWhenNeeded(loadInvitationPage);

/** The token of an invitation or reset link (`/invitation/<token>`), if that is the page opened. */
const invitationToken = (): string | null =>
  /^\/invitation\/([A-Za-z0-9_-]{1,200})$/.exec(location.pathname)?.[1] ?? null;

interface Clients {
  token: string | null;
  ws: Client;
  apollo: ApolloClient;
}
let clients: Clients | null = null;

/** A new session gets a new socket and an empty cache: nothing of the last person is kept. */
function clientsFor(token: string | null): Clients {
  if (clients?.token === token) return clients;
  if (clients) {
    disposeWsClient(clients.ws);
    clients.apollo.stop();
  }
  const ws = createWsClient();
  clients = { token, ws, apollo: createApolloClient(ws) };
  if (token) preloadRoute(clients);
  return clients;
}

/** On opening a draft by its address, its data starts loading while the editor's code does. */
function preloadRoute({ ws, apollo }: Clients): void {
  const draftId = /^\/drafts\/([0-9a-f]{24})$/.exec(location.pathname)?.[1];
  if (!draftId) return;
  preloadDraftConnection(ws, apollo, draftId);
  apollo
    .query({
      query: DraftQuery,
      variables: { id: draftId, lang: apiLang(i18n.language === 'fr' ? 'fr' : 'en') },
    })
    .catch(() => undefined);
}

export function App() {
  markOnce('app:render');
  const current = useSession();
  const { ws, apollo } = clientsFor(current?.token ?? null);
  // A link is for its person, whoever is signed in on this browser (their own session is kept
  // until the link signs them in).
  const linkToken = invitationToken();
  if (linkToken) {
    return (
      <ApolloProvider client={apollo}>
        <InvitationPage token={linkToken} />
      </ApolloProvider>
    );
  }

  if (!current) {
    return (
      <ApolloProvider client={apollo}>
        <SignInPage />
      </ApolloProvider>
    );
  }
  return (
    <ApolloProvider client={apollo}>
      <Layout current={current}>
        <Switch>
          <Route path="/">
            <DashboardPage />
          </Route>
          <Route path="/groups/:id">
            <WorkingGroupPage />
          </Route>
          <Route path="/drafts/:id">
            <DraftPage ws={ws} user={current.user} />
          </Route>
          <Route path="/calendar/:month?">
            <CalendarPage />
          </Route>
          <Route path="/notifications">
            <NotificationsPage />
          </Route>
          <Route path="/membership">
            <MembershipPage />
          </Route>
          <Route path="/report/compile">
            <CompileReportPage />
          </Route>
          <Route path="/account">
            <AccountPage />
          </Route>
          <Route path="/consultations">
            <ConsultationsPage />
          </Route>
          <Route path="/consultations/:id">
            <ConsultationPage />
          </Route>
          <Route path="/people">
            <PeoplePage />
          </Route>
          <Route path="/audit">
            <AuditPage />
          </Route>
          <Route>
            <Redirect to="/" replace />
          </Route>
        </Switch>
      </Layout>
    </ApolloProvider>
  );
}
