import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { onConnection } from '../api/client';
import { apiLang, useT } from '../i18n/i18n';
import {
  NotificationAddedSubscription,
  NotificationsQuery,
  UnreadCountChangedSubscription,
  UnreadCountQuery,
} from './notifications.graphql';
import './notifications.css';

/**
 * The header's bell: how many notifications are unread, live (new ones arrive over the socket,
 * and marking read in another window lowers it), a link to the inbox, and an announcement of
 * each new notice for screen readers.
 */
export function NotificationBell() {
  const { t, lang } = useT();
  const [pathname] = useLocation();
  const client = useApolloClient();
  const { data, refetch } = useQuery(UnreadCountQuery);
  // What arrived while the socket was down (a server restart, a lost connection) is counted again.
  useEffect(
    () =>
      onConnection((state) => {
        if (state === 'connected') void refetch().catch(() => undefined);
      }),
    [refetch],
  );
  const [latest, setLatest] = useState('');
  const setCount = (count: number) =>
    client.cache.writeQuery({ query: UnreadCountQuery, data: { unreadNotificationCount: count } });
  useSubscription(NotificationAddedSubscription, {
    variables: { lang: apiLang(lang) },
    onData: ({ data: d }) => {
      const added = d.data?.notificationAdded;
      if (!added) return;
      setCount((data?.unreadNotificationCount ?? 0) + 1);
      setLatest(t('notifications.arrived', { text: added.text }));
      // An open inbox shows it at once (and the count as the server has it).
      void client.refetchQueries({ include: [NotificationsQuery, UnreadCountQuery] });
    },
  });
  useSubscription(UnreadCountChangedSubscription, {
    onData: ({ data: d }) => {
      const count = d.data?.unreadNotificationCountChanged;
      if (typeof count === 'number') setCount(count);
    },
  });
  const count = data?.unreadNotificationCount ?? 0;
  const here = pathname === '/notifications';
  return (
    <>
      <Link
        to="/notifications"
        className={`bell${count > 0 ? ' bell-unread' : ''}${here ? ' active' : ''}`}
        aria-current={here ? 'page' : undefined}
        aria-label={
          count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bellNone')
        }
        title={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bellNone')}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {count > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="bell-count">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {latest}
      </span>
    </>
  );
}
