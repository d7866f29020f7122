import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n/i18n';
import { ErrorState, Loading } from '../../ui/states';
import { DraftDetailsForm } from './draft-details-form';

const DraftDetailsQuery = graphql(`
  query DraftDetails($id: ID!) {
    draft(id: $id) {
      id
      titleEn: title(lang: EN)
      titleFr: title(lang: FR)
      deadline
      symbol
    }
  }
`);

const UpdateDraft = graphql(`
  mutation UpdateDraftDetails($id: ID!, $input: UpdateDraftInput!) {
    updateDraft(id: $id, input: $input) {
      id
      deadline
      symbol
      titleEn: title(lang: EN)
      titleFr: title(lang: FR)
    }
  }
`);

/** "Edit details" for those who manage the draft: titles in both languages and the deadline. */
export function EditDraftDetails({ id, onSaved }: { id: string; onSaved: () => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const { data, loading, error, refetch } = useQuery(DraftDetailsQuery, {
    variables: { id },
    skip: !open,
    fetchPolicy: 'network-only',
  });
  const [update] = useMutation(UpdateDraft);
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        {t('details.edit')}
      </button>
    );
  }
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!data) return null;
  return (
    <DraftDetailsForm
      initial={{
        titleEn: data.draft.titleEn,
        titleFr: data.draft.titleFr,
        deadline: data.draft.deadline ?? null,
        symbol: data.draft.symbol ?? null,
      }}
      submitLabel={t('comments.save')}
      onCancel={() => setOpen(false)}
      onSubmit={async (input) => {
        await update({ variables: { id, input } });
        setOpen(false);
        onSaved();
      }}
    />
  );
}
