import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import {
  ChangeMyPassword,
  MyAbilitiesQuery,
  MyAccountQuery,
  RevokeMySession,
} from './account.graphql';
import { passwordErrorText } from './password-error';

type Outcome = { kind: 'done' | 'error'; text: string } | null;

/** One's own account, for everyone (a guest too): who one is, the password, one's sessions. */
export function AccountPage() {
  const { t, lang } = useT();
  const result = useQuery(MyAccountQuery, { fetchPolicy: 'cache-and-network' });
  const abilities = useQuery(MyAbilitiesQuery);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [revoke] = useMutation(RevokeMySession);
  useDocumentTitle(t('account.title'));
  if (result.loading && !result.data) return <Loading />;
  if (!result.data) return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  const { user, sessions } = result.data.myAccount;
  const guest = abilities.data?.myAccount.can.readCommittee === false;

  const end = async (id: string) => {
    try {
      await revoke({ variables: { id } });
      setOutcome({ kind: 'done', text: t('account.ended') });
      await result.refetch();
    } catch (err) {
      setOutcome({ kind: 'error', text: passwordErrorText(err, lang) });
    }
  };

  return (
    <article className="account-page">
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { name: user.name, email: user.email })}</p>
      <p className="muted">
        {t('account.roles', {
          roles: user.roles.map((r) => t(`roleNames.${r}`)).join(', '),
        })}
      </p>
      {guest && <p className="notice">{t('account.guest')}</p>}
      <p className="account-outcome" role="status" aria-live="polite">
        {outcome?.kind === 'done' ? outcome.text : ''}
      </p>
      {outcome?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {outcome.text}
        </p>
      )}
      <PasswordForm onOutcome={setOutcome} />
      <section aria-labelledby="sessions-title" className="account-section">
        <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
        <p className="muted">{t('account.sessionsIntro')}</p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('account.started')}</th>
              <th scope="col">{t('account.until')}</th>
              <th scope="col">{t('account.from')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('people.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{formatDate(s.createdAt, lang, 'PPp')}</td>
                <td>{formatDate(s.expiresAt, lang, 'PPp')}</td>
                <td>{s.ip ?? t('account.unknownAddress')}</td>
                <td>
                  {s.current ? (
                    <span className="badge">{t('account.thisOne')}</span>
                  ) : (
                    <button
                      type="button"
                      aria-label={t('account.endLabel', {
                        when: formatDate(s.createdAt, lang, 'PPp'),
                      })}
                      onClick={() => void end(s.id)}
                    >
                      {t('account.end')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

function PasswordForm({ onOutcome }: { onOutcome: (o: Outcome) => void }) {
  const { t, lang } = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [change, { loading }] = useMutation(ChangeMyPassword);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) {
      onOutcome({ kind: 'error', text: t('account.mismatch') });
      return;
    }
    try {
      await change({ variables: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setAgain('');
      onOutcome({ kind: 'done', text: t('account.changed') });
    } catch (err) {
      onOutcome({ kind: 'error', text: passwordErrorText(err, lang) });
    }
  };
  return (
    <section aria-labelledby="password-title" className="account-section">
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      <form onSubmit={submit} className="stacked-form">
        <label>
          {t('account.currentPassword')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          {t('account.newPassword')}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            aria-describedby="password-hint"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <p id="password-hint" className="muted">
          {t('account.passwordHint')}
        </p>
        <label>
          {t('account.confirmPassword')}
          <input
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={loading}>
          {t('account.change')}
        </button>
      </form>
    </section>
  );
}
