import { ApolloProvider } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import type { ApolloClient } from '@apollo/client';
import type { Client } from 'graphql-ws';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { createApolloClient, createWsClient } from '../api/client';
import { useSession } from '../api/session';
import { CalendarPage } from '../pages/calendar/calendar-page';
import { DashboardPage } from '../pages/dashboard/dashboard-page';
import { SignInPage } from '../pages/sign-in/sign-in-page';
import { WorkingGroupPage } from '../pages/working-group/working-group-page';
import { Loading } from '../ui/states';
import { Layout } from './layout';

// The editor (TipTap, ProseMirror, Yjs) is the heaviest part: loaded only when a draft opens.
const DraftPage = lazy(() => import('../pages/draft/draft-page'));

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
    void clients.ws.dispose();
    clients.apollo.stop();
  }
  const ws = createWsClient();
  clients = { token, ws, apollo: createApolloClient(ws) };
  return clients;
}

export function App() {
  const current = useSession();
  const { ws, apollo } = clientsFor(current?.token ?? null);

  if (!current) {
    return (
      <ApolloProvider client={apollo}>
        <SignInPage />
      </ApolloProvider>
    );
  }
  return (
    <ApolloProvider client={apollo}>
      <BrowserRouter>
        <Layout current={current}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/groups/:id" element={<WorkingGroupPage />} />
              <Route path="/drafts/:id" element={<DraftPage ws={ws} user={current.user} />} />
              <Route path="/calendar" element={<CalendarPage />} />
              <Route path="/calendar/:month" element={<CalendarPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Layout>
      </BrowserRouter>
    </ApolloProvider>
  );
}
