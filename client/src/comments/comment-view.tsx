import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import type { CommentFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/i18n';
import { fromNow } from '../ui/dates';
import { errorText } from '../ui/error-text';
import { PersonName } from '../ui/person-name';
import { DeleteCommentMutation, EditCommentMutation } from './comments.graphql';

/** One comment, with the edit and delete actions the server says the signed-in person has. */
export function CommentView({
  comment,
  onChanged,
}: {
  comment: CommentFieldsFragment;
  onChanged: (c: CommentFieldsFragment) => void;
}) {
  const { t, lang } = useT();
  const { edit: mayEdit, delete: mayDelete } = comment.can;
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(comment.body ?? '');
  const [edit, editState] = useMutation(EditCommentMutation);
  const [remove, removeState] = useMutation(DeleteCommentMutation);
  const error = editState.error ?? removeState.error;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { data } = await edit({ variables: { id: comment.id, body } }).catch(() => ({
      data: undefined,
    }));
    if (data) {
      onChanged(data.editComment);
      setEditing(false);
    }
  };
  const del = async () => {
    if (!window.confirm(t('comments.confirmDelete'))) return;
    const { data } = await remove({ variables: { id: comment.id } }).catch(() => ({
      data: undefined,
    }));
    if (data) onChanged(data.deleteComment);
  };

  return (
    <div
      className={comment.consultation ? 'comment comment-from-consultation' : 'comment'}
      data-comment-id={comment.id}
    >
      {comment.consultation && (
        <p className="comment-consultation">
          {comment.consultationParagraph
            ? t('consultations.fromConsultationParagraph', {
                number: comment.consultation.versionNumber,
                paragraph: comment.consultationParagraph,
              })
            : t('consultations.fromConsultation', {
                number: comment.consultation.versionNumber,
              })}
        </p>
      )}
      <p className="meta">
        <PersonName person={comment.author} /> ·{' '}
        <time dateTime={comment.createdAt}>{fromNow(comment.createdAt, lang)}</time>
      </p>
      {editing ? (
        <form className="new-comment" onSubmit={save}>
          <textarea
            value={body}
            rows={2}
            aria-label={t('comments.edit')}
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="row">
            <button type="submit" disabled={editState.loading || !body.trim()}>
              {t('comments.save')}
            </button>
            <button type="button" className="link" onClick={() => setEditing(false)}>
              {t('comments.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="body">{comment.deleted ? <em>{t('comments.deleted')}</em> : comment.body}</p>
      )}
      {!editing && (mayEdit || mayDelete) && (
        <div className="row small">
          {mayEdit && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setBody(comment.body ?? '');
                setEditing(true);
              }}
            >
              {t('comments.edit')}
            </button>
          )}
          {mayDelete && (
            <button type="button" className="link" onClick={del} disabled={removeState.loading}>
              {t('comments.delete')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </div>
  );
}
