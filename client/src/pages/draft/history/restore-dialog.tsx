import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../ui/error-text';
import { RestoreVersion } from './history.graphql';

/**
 * Asks before making the draft's text that of a version again: a modal dialog (the browser's
 * own: focus stays inside, the rest of the page is inert, Escape cancels), focus on Cancel, and
 * back on the button that opened it when it closes. A refusal is said inside it.
 */
export function RestoreDialog({
  versionId,
  name,
  onDone,
  onCancel,
}: {
  versionId: string;
  name: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const title = useId();
  const body = useId();
  const [restore, { loading, error }] = useMutation(RestoreVersion);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    cancel.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  const confirm = async () => {
    try {
      await restore({ variables: { versionId } });
      onDone();
    } catch {
      // Said in the dialog from the mutation's error.
    }
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={title}
      aria-describedby={body}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={title}>{t('history.restoreTitle', { name })}</h2>
      <p id={body}>{t('history.restoreBody')}</p>
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('history.cancel')}
        </button>
        <button type="button" className="primary" disabled={loading} onClick={confirm}>
          {t('history.restoreConfirm')}
        </button>
      </div>
    </dialog>
  );
}
