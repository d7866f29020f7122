import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { session } from '../../api/session';
import { LanguageSwitch } from '../../app/layout';
import { graphql } from '../../gql';
import { useT } from '../../i18n/i18n';
import { errorCode, errorText } from '../../ui/error-text';
import { useDocumentTitle } from '../../ui/use-document-title';

const SignIn = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user {
        id
        name
      }
    }
  }
`);

/** The message for a failed sign-in: the server's code decides, not its wording. */
export function signInError(error: unknown): 'wrong' | 'throttled' | 'other' {
  const code = errorCode(error);
  if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') return 'wrong';
  if (code === 'TOO_MANY_REQUESTS') return 'throttled';
  return 'other';
}

export function SignInPage() {
  const { t, lang } = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [login, { loading }] = useMutation(SignIn);
  const reason = session.reason();
  useDocumentTitle(t('signIn.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (data)
        session.start({
          token: data.login.token,
          expiresAt: data.login.expiresAt,
          user: data.login.user,
        });
    } catch (err) {
      const kind = signInError(err);
      setFailure(kind === 'other' ? errorText(err, lang) : t(`signIn.${kind}`));
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="card">
        <div className="sign-in-head">
          <h1>{t('signIn.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">
          {t('app.name')} · {t('app.tagline')}
        </p>
        {reason && !failure && (
          <p className={`notice notice-${reason}`} role="status">
            {t(`signIn.${reason}`)}
          </p>
        )}
        {failure && (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        )}
        <form onSubmit={submit}>
          <label>
            {t('signIn.email')}
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label>
            {t('signIn.password')}
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
