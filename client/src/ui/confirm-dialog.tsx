import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { errorText } from './error-text';

/**
 * Asks before something that cannot easily be undone (adopting a text, restoring a version,
 * deleting a meeting): the browser's modal dialog (focus kept inside, the rest of the page inert,
 * Escape cancels), focus on Cancel, the choice that changes nothing, and back on the button that
 * opened it when it closes. A refusal is said inside it.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  /** "Cancel" unless said otherwise. */
  cancelLabel?: string;
  /** Destroys something (red button). */
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    cancel.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may be gone with what was deleted; then focus goes where the page puts it.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
    } catch (err) {
      setFailure(errorText(err, lang));
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={bodyId}>{body}</p>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" ref={cancel} onClick={onCancel}>
          {cancelLabel ?? t('meetingEdit.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'primary danger' : 'primary'}
          disabled={busy}
          onClick={confirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
