import { useMutation } from '@apollo/client/react';
import { useT } from '../../../i18n/i18n';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { RestoreVersion } from './history.graphql';

/** Asks before making the draft's text that of a version again. */
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
  const { t } = useT();
  const [restore] = useMutation(RestoreVersion);
  return (
    <ConfirmDialog
      title={t('history.restoreTitle', { name })}
      body={t('history.restoreBody')}
      confirmLabel={t('history.restoreConfirm')}
      cancelLabel={t('history.cancel')}
      onConfirm={async () => {
        await restore({ variables: { versionId } });
        onDone();
      }}
      onCancel={onCancel}
    />
  );
}
