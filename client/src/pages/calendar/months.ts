/** The months (YYYY-MM) that have meetings, in order, and where `month` sits among them. */
export function monthNavigation(months: readonly string[], month: string | undefined): { current: string | null; previous: string | null; next: string | null } {
  const sorted = [...new Set(months)].sort();
  if (sorted.length === 0) return { current: null, previous: null, next: null };
  const current = month && sorted.includes(month) ? month : sorted[0];
  const i = sorted.indexOf(current);
  return { current, previous: i > 0 ? sorted[i - 1] : null, next: i < sorted.length - 1 ? sorted[i + 1] : null };
}
