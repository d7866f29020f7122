import type { TFunction } from 'i18next';
import type { DraftVersionFieldsFragment } from '../../../gql/graphql';

type Named = Pick<DraftVersionFieldsFragment, 'id' | 'name' | 'label'>;

/** "Rev.2 — Chair's text", or "Rev.2" without a label. */
export const versionName = (v: Named): string => (v.label ? `${v.name} — ${v.label}` : v.name);

/** A side of a comparison: a version by id, or (null) the current text. */
export function sideName(id: string | null, versions: readonly Named[], t: TFunction): string {
  if (id === null) return t('history.currentInTitle');
  const v = versions.find((x) => x.id === id);
  return v ? versionName(v) : '';
}
