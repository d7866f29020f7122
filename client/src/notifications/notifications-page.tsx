import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { NotificationKind } from '../gql/graphql';
import { apiLang, useT } from '../i18n/i18n';
import { formatDate, fromNow } from '../ui/dates';
import { errorText } from '../ui/error-text';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useDocumentTitle } from '../ui/use-document-title';
import {
  MarkNotificationsReadMutation,
  NotificationPreferencesQuery,
  NotificationsQuery,
  SetNotificationPreferencesMutation,
  UnreadCountQuery,
} from './notifications.graphql';
import './notifications.css';

const PAGE = 50;

// In the order the preferences list them.
export const KINDS: NotificationKind[] = [
  'MENTION',
  'COMMENT_REPLY',
  'PROPOSAL_DECIDED',
  'DRAFT_STATUS',
  'DEADLINE_SOON',
  'SILENCE_STARTED',
  'SILENCE_BROKEN',
  'SILENCE_ENDED',
  'CONSULTATION',
];

/** The inbox: one's notifications, newest first, each leading to what it is about; and settings. */
export function NotificationsPage() {
  const { t, lang } = useT();
  useDocumentTitle(t('notifications.title'));
  const client = useApolloClient();
  const { data, loading, error, refetch, fetchMore } = useQuery(NotificationsQuery, {
    variables: { first: PAGE, lang: apiLang(lang) },
  });
  // A full page may have older ones behind it; a short one is the end.
  const [more, setMore] = useState<{ hasMore: boolean; loading: boolean } | null>(null);
  const hasMore = more?.hasMore ?? (data?.notifications.length ?? 0) >= PAGE;
  const showOlder = async () => {
    const last = data?.notifications.at(-1);
    if (!last) return;
    setMore({ hasMore: true, loading: true });
    try {
      const res = await fetchMore({
        variables: { before: last.id },
        updateQuery: (prev, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          notifications: [...prev.notifications, ...fetchMoreResult.notifications],
        }),
      });
      setMore({ hasMore: res.data.notifications.length >= PAGE, loading: false });
    } catch {
      setMore({ hasMore: true, loading: false });
    }
  };
  const [mark, marking] = useMutation(MarkNotificationsReadMutation);
  const markRead = async (ids: string[] | null) => {
    const res = await mark({ variables: { ids } }).catch(() => undefined);
    if (!res?.data) return;
    client.cache.writeQuery({
      query: UnreadCountQuery,
      data: { unreadNotificationCount: res.data.markNotificationsRead },
    });
    for (const n of data?.notifications ?? [])
      if (!ids || ids.includes(n.id))
        client.cache.modify({
          id: client.cache.identify({ __typename: 'Notification', id: n.id }),
          fields: { read: () => true },
        });
  };
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <div className="notifications-page">
      <section aria-labelledby="notifications-title">
        <div className="notifications-head">
          <h1 id="notifications-title">{t('notifications.title')}</h1>
          <span className="badge">{t('notifications.unreadCount', { count: unread })}</span>
          <button
            type="button"
            onClick={() => void markRead(null)}
            disabled={unread === 0 || marking.loading}
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
        {marking.error && (
          <p className="notice notice-error" role="alert">
            {errorText(marking.error, lang)}
          </p>
        )}
        {loading && !data ? (
          <Loading />
        ) : error && !data ? (
          <ErrorState error={error} retry={() => void refetch()} />
        ) : (data?.notifications.length ?? 0) === 0 ? (
          <Empty>{t('notifications.none')}</Empty>
        ) : (
          <ol className="notification-list">
            {data?.notifications.map((n) => (
              <li key={n.id} className={`notification${n.read ? '' : ' unread'}`}>
                <span className="dot" aria-hidden="true" />
                <div>
                  <Link to={n.link} onClick={() => void (n.read ? undefined : markRead([n.id]))}>
                    {!n.read && (
                      <span className="visually-hidden">{t('notifications.unread')}: </span>
                    )}
                    {n.text}
                  </Link>
                  <div className="notification-meta">
                    {t(`notifications.kindShort.${n.kind}`)} ·{' '}
                    <time dateTime={n.createdAt} title={formatDate(n.createdAt, lang, 'PPpp')}>
                      {fromNow(n.createdAt, lang)}
                    </time>
                  </div>
                </div>
                {!n.read && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => void markRead([n.id])}
                    disabled={marking.loading}
                  >
                    {t('notifications.markRead')}
                    <span className="visually-hidden">: {n.text}</span>
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        {hasMore && (
          <button type="button" onClick={() => void showOlder()} disabled={more?.loading}>
            {t('notifications.showOlder')}
          </button>
        )}
      </section>
      <NotificationSettings />
    </div>
  );
}

function NotificationSettings() {
  const { t, lang } = useT();
  const { data, loading, error, refetch } = useQuery(NotificationPreferencesQuery);
  const [save, saving] = useMutation(SetNotificationPreferencesMutation);
  const [kinds, setKinds] = useState<Set<NotificationKind> | null>(null);
  const [email, setEmail] = useState(true);
  const [saved, setSaved] = useState(false);
  const prefs = data?.notificationPreferences;
  useEffect(() => {
    if (!prefs) return;
    setKinds(new Set(prefs.enabledKinds));
    setEmail(prefs.email);
  }, [prefs]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!kinds) return;
    setSaved(false);
    const res = await save({
      variables: { input: { enabledKinds: KINDS.filter((k) => kinds.has(k)), email } },
    }).catch(() => undefined);
    if (res?.data) setSaved(true);
  };
  const toggle = (kind: NotificationKind, on: boolean) => {
    setSaved(false);
    setKinds((prev) => {
      const next = new Set(prev);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  };
  return (
    <section className="notification-prefs" aria-labelledby="notification-prefs-title">
      <h2 id="notification-prefs-title">{t('notifications.settings')}</h2>
      {loading && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : (
        <form onSubmit={submit}>
          <fieldset>
            <legend>{t('notifications.tellMeOf')}</legend>
            {KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={kinds?.has(kind) ?? true}
                  onChange={(e) => toggle(kind, e.target.checked)}
                />
                {t(`notifications.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('notifications.how')}</legend>
            <label>
              <input
                type="checkbox"
                checked={email}
                onChange={(e) => {
                  setSaved(false);
                  setEmail(e.target.checked);
                }}
              />
              {t('notifications.email')}
            </label>
          </fieldset>
          <button type="submit" disabled={saving.loading || !kinds}>
            {t('notifications.save')}
          </button>{' '}
          <span role="status" className="small">
            {saved ? t('notifications.saved') : ''}
          </span>
          {saving.error && (
            <p className="notice notice-error" role="alert">
              {errorText(saving.error, lang)}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
