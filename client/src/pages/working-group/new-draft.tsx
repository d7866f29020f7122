import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { graphql } from '../../gql';
import { useT } from '../../i18n/i18n';
import { DraftDetailsForm } from '../draft/draft-details-form';

const CreateDraft = graphql(`
  mutation CreateDraft($input: CreateDraftInput!) {
    createDraft(input: $input) {
      id
    }
  }
`);

/** Starts a draft of the group (its coordinator, the Chair, the Secretariat) and opens it. */
export function NewDraft({ workingGroupId }: { workingGroupId: string }) {
  const { t } = useT();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [create] = useMutation(CreateDraft, { refetchQueries: ['WorkingGroup', 'Dashboard'] });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('details.create')}
      </button>
    );
  }
  return (
    <DraftDetailsForm
      initial={{ titleEn: '', titleFr: '', deadline: null, symbol: null }}
      submitLabel={t('details.submitCreate')}
      onCancel={() => setOpen(false)}
      onSubmit={async ({ titleEn, titleFr, deadline, symbol }) => {
        const { data } = await create({
          variables: { input: { workingGroupId, titleEn, titleFr, deadline, symbol } },
        });
        if (data) navigate(`/drafts/${data.createDraft.id}`);
      }}
    />
  );
}
