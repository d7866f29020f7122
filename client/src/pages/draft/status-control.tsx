import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../../gql';
import type { DraftAbilitiesFieldsFragment, DraftStatus } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { errorText } from '../../ui/error-text';

const SetStatus = graphql(`
  mutation SetDraftStatus($id: ID!, $status: DraftStatus!) {
    setDraftStatus(id: $id, status: $status) {
      id
      status
      statusChangedAt
      ...DraftAbilitiesFields
    }
  }
`);

const STATUSES: DraftStatus[] = ['DRAFTING', 'IN_REVIEW', 'AGREED', 'ADOPTED'];

type StatusAbilities = Pick<DraftAbilitiesFieldsFragment['can'], 'changeStatus' | 'adopt'>;

/** The draft's status, changeable as far as the server's abilities for this person allow. */
export function StatusControl({
  id,
  status,
  can,
}: {
  id: string;
  status: DraftStatus;
  can: StatusAbilities;
}) {
  const { t, lang } = useT();
  // Someone who manages the draft but may not move it from here: an adopted draft they may not reopen.
  const locked = !can.changeStatus;
  const [setStatus, { loading, error }] = useMutation(SetStatus);
  const [confirming, setConfirming] = useState(false);
  const reopenHint = useId();
  const change = (next: DraftStatus) =>
    void setStatus({ variables: { id, status: next } }).catch(() => undefined);
  return (
    <>
      <label className="status-control">
        {t('draft.changeStatus')}{' '}
        <select
          value={status}
          disabled={loading || locked}
          aria-describedby={locked ? reopenHint : undefined}
          // Adopting freezes the text for everyone, so it is asked for again; the select keeps
          // showing the current status until the server has changed it.
          onChange={(e) => {
            const next = e.target.value as DraftStatus;
            if (next === 'ADOPTED') setConfirming(true);
            else change(next);
          }}
        >
          {STATUSES.map((s) => (
            <option
              key={s}
              value={s}
              disabled={s === 'ADOPTED' && !can.adopt && status !== 'ADOPTED'}
            >
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
      {locked && (
        <span id={reopenHint} className="muted small">
          {t('draft.reopenOnlyOfficers')}
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('draft.adoptTitle')}
          body={t('draft.adoptBody')}
          confirmLabel={t('draft.adoptConfirm')}
          cancelLabel={t('draft.adoptCancel')}
          onConfirm={async () => {
            setConfirming(false);
            change('ADOPTED');
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
