import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import type { ConsultationCommentFieldsFragment } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDate } from '../../ui/dates';
import { errorText } from '../../ui/error-text';
import { Empty } from '../../ui/states';
import {
  EditConsultationCommentMutation,
  WithdrawConsultationCommentMutation,
} from './consultations.graphql';

type Comment = ConsultationCommentFieldsFragment;

/** Its author's edit and withdraw, while the consultation is open (the server says when). */
function OwnCommentActions({
  comment,
  onDone,
}: {
  comment: Comment;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const [body, setBody] = useState(comment.body);
  const refetch = { refetchQueries: ['Consultation'], awaitRefetchQueries: true };
  const [edit, editState] = useMutation(EditConsultationCommentMutation, refetch);
  const [withdraw] = useMutation(WithdrawConsultationCommentMutation, refetch);
  const error = editState.error;

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    void edit({ variables: { id: comment.id, body, lang: apiLang(lang) } })
      .then(() => {
        setEditing(false);
        onDone(t('consultations.saved'));
      })
      .catch(() => undefined);
  };
  // A refusal (closed meanwhile) is said in the dialog, which stays open.
  const takeBack = async () => {
    await withdraw({ variables: { id: comment.id } });
    onDone(t('consultations.withdrawn'));
  };

  return (
    <>
      {editing ? (
        <form className="consultation-edit" onSubmit={save}>
          <label htmlFor={`${id}-body`}>{t('consultations.editLabel')}</label>
          <textarea
            id={`${id}-body`}
            rows={4}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="row">
            <button type="submit" className="primary" disabled={editState.loading || !body.trim()}>
              {t('consultations.saveEdit')}
            </button>
            <button type="button" className="link" onClick={() => setEditing(false)}>
              {t('consultations.cancelEdit')}
            </button>
          </div>
        </form>
      ) : (
        <div className="row small">
          <button
            type="button"
            className="link"
            onClick={() => {
              setBody(comment.body);
              setEditing(true);
            }}
          >
            {t('consultations.edit')}
          </button>
          <button type="button" className="link" onClick={() => setAsking(true)}>
            {t('consultations.withdraw')}
          </button>
        </div>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t('consultations.withdrawTitle')}
          body={t('consultations.confirmWithdraw')}
          confirmLabel={t('consultations.withdraw')}
          cancelLabel={t('consultations.keep')}
          danger
          onConfirm={takeBack}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}

/** The Member States' comments, oldest first; a guest's own ones with their actions. */
export function ConsultationComments({ comments }: { comments: Comment[] }) {
  const { t, lang } = useT();
  const [status, setStatus] = useState('');
  return (
    <>
      <p role="status" className="small">
        {status}
      </p>
      {comments.length === 0 ? (
        <Empty>{t('consultations.noComments')}</Empty>
      ) : (
        <ul className="consultation-comments">
          {comments.map((c) => (
            <li key={c.id} className={c.mine ? 'mine' : undefined}>
              <p className="meta">
                <strong>{c.delegationName ?? c.authorName}</strong>
                {c.delegationName && <> · {c.authorName}</>}
                {c.mine && <> ({t('consultations.yours')})</>} ·{' '}
                <span className="muted">{formatDate(c.createdAt, lang, 'PPp')}</span>
                {c.editedAt && (
                  <span className="muted">
                    {' '}
                    · {t('consultations.edited', { date: formatDate(c.editedAt, lang, 'PPp') })}
                  </span>
                )}
              </p>
              <p className="about small">
                {c.paragraph
                  ? t('consultations.onParagraph', { number: c.paragraph })
                  : t('consultations.onText')}
              </p>
              <p className="body">{c.body}</p>
              {c.canChange && <OwnCommentActions comment={c} onDone={setStatus} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
