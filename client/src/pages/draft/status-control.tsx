import { useMutation } from '@apollo/client/react';
import { hasRole, type SessionUser } from '../../api/session';
import { graphql } from '../../gql';
import type { DraftStatus } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';

const SetStatus = graphql(`
  mutation SetDraftStatus($id: ID!, $status: DraftStatus!) {
    setDraftStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

const STATUSES: DraftStatus[] = ['DRAFTING', 'IN_REVIEW', 'AGREED', 'ADOPTED'];

export function StatusControl({ id, status, user }: { id: string; status: DraftStatus; user: SessionUser }) {
  const { t, lang } = useT();
  // Adoption is the Committee's decision: only the Chair and the Secretariat mark it (the server checks too).
  const mayAdopt = hasRole(user, 'CHAIR', 'SECRETARIAT');
  const [setStatus, { loading, error }] = useMutation(SetStatus);
  return (
    <label className="status-control">
      {t('draft.changeStatus')}{' '}
      <select value={status} disabled={loading} onChange={(e) => void setStatus({ variables: { id, status: e.target.value as DraftStatus } }).catch(() => undefined)}>
        {STATUSES.map((s) => (
          <option key={s} value={s} disabled={s === 'ADOPTED' && !mayAdopt && status !== 'ADOPTED'}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <span className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </span>
      )}
    </label>
  );
}
