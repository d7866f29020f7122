import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import type { AuditAction, AuditFilterInput } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import { AuditLogQuery } from '../account/account.graphql';

const ACTIONS: AuditAction[] = [
  'DRAFT_STATUS_CHANGED',
  'DRAFT_VERSION_CREATED',
  'DRAFT_VERSION_RESTORED',
  'SILENCE_CHANGED',
  'CONSULTATION_CHANGED',
  'MEMBERSHIP_CHANGED',
  'ROLES_CHANGED',
  'USER_INVITED',
  'PASSWORD_RESET_ISSUED',
  'INVITATION_ACCEPTED',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'USER_DEACTIVATED',
  'USER_REACTIVATED',
];

const PAGE = 50;

/** Start of a day typed as YYYY-MM-DD, in the reader's zone (the input's own meaning). */
const dayStart = (day: string, plusDays = 0): string | null => {
  if (!day) return null;
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

/** The audit trail for the Chair and the Secretariat (the server refuses anyone else). */
export function AuditPage() {
  const { t, lang } = useT();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<AuditFilterInput>({ first: PAGE });
  const result = useQuery(AuditLogQuery, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(t('audit.title'));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({
      first: PAGE,
      actions: action ? [action] : null,
      from: dayStart(from),
      // The whole of the last day.
      to: dayStart(to, 1),
    });
  };
  const entries = result.data?.auditLog ?? [];
  const older = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    await result.fetchMore({
      variables: { filter: { ...filter, before: last.id } },
      updateQuery: (prev, { fetchMoreResult }) => ({
        auditLog: [...prev.auditLog, ...fetchMoreResult.auditLog],
      }),
    });
  };

  return (
    <article className="audit-page">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form onSubmit={apply} className="audit-filter">
        <label>
          {t('audit.action')}
          <select value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
            <option value="">{t('audit.anyAction')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('audit.filter')}
        </button>
      </form>
      {result.loading && !result.data ? (
        <Loading />
      ) : result.error && !result.data ? (
        <ErrorState error={result.error} retry={() => void result.refetch()} />
      ) : entries.length === 0 ? (
        <Empty>{t('audit.none')}</Empty>
      ) : (
        <>
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
                <th scope="col">{t('audit.where')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at, lang, 'PPpp')}</td>
                  <td>{t(`audit.actions.${e.action}`)}</td>
                  <td>{e.actorName ?? t('audit.platform')}</td>
                  <td>{e.targetLabel}</td>
                  <td>{e.summary}</td>
                  <td>{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length % PAGE === 0 && (
            <button type="button" onClick={() => void older()}>
              {t('audit.more')}
            </button>
          )}
        </>
      )}
    </article>
  );
}
