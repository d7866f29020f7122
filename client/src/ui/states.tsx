import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { errorText } from './error-text';

export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('state.loading')}
    </p>
  );
}

/** An error with its message and, when given, a way to try again. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t, lang } = useT();
  return (
    <div className="state state-error" role="alert">
      <p>{errorText(error, lang)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
