import type { DraftStatus } from '../gql/graphql';
import { useT } from '../i18n/i18n';

export function StatusBadge({ status }: { status: DraftStatus }) {
  const { t } = useT();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
