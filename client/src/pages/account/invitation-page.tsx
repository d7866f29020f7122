import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { session } from '../../api/session';
import { LanguageSwitch } from '../../app/layout';
import { useT } from '../../i18n/i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { AcceptInvitation } from './account.graphql';
import { passwordErrorText } from './password-error';

/**
 * Where an invitation or reset link leads (`/invitation/<token>`): the person chooses a password
 * and is signed in. Shown whether or not someone is signed in on this browser: the link is theirs.
 */
export function InvitationPage({ token }: { token: string }) {
  const { t, lang } = useT();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [accept, { loading }] = useMutation(AcceptInvitation);
  useDocumentTitle(t('invitation.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (password !== again) {
      setFailure(t('account.mismatch'));
      return;
    }
    try {
      const { data } = await accept({ variables: { token, password } });
      if (!data) return;
      // Off the link's address first, so that the signed-in app opens on the account page.
      history.replaceState(null, '', '/account');
      session.start({
        token: data.acceptInvitation.token,
        expiresAt: data.acceptInvitation.expiresAt,
        user: data.acceptInvitation.user,
      });
    } catch (err) {
      setFailure(passwordErrorText(err, lang));
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="card">
        <div className="sign-in-head">
          <h1>{t('invitation.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">
          {t('app.name')} · {t('app.tagline')}
        </p>
        <p>{t('invitation.intro')}</p>
        {failure && (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        )}
        <form onSubmit={submit}>
          <label>
            {t('account.newPassword')}
            <input
              type="password"
              name="password"
              autoComplete="new-password"
              required
              minLength={12}
              aria-describedby="invitation-hint"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <p id="invitation-hint" className="muted">
            {t('account.passwordHint')}
          </p>
          <label>
            {t('account.confirmPassword')}
            <input
              type="password"
              name="confirm"
              autoComplete="new-password"
              required
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('invitation.submitting') : t('invitation.submit')}
          </button>
        </form>
        <p>
          <a href="/">{t('invitation.toSignIn')}</a>
        </p>
      </div>
    </main>
  );
}
