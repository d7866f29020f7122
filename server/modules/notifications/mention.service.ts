import { badInput } from '../../core/errors';
import { mentionables } from './notification.recipients';

const MAX_SEARCH = 100;

/**
 * The names an @mention can use that start with what was typed after the @ (or contain it at a
 * word's start, so "@fra" finds "Delegate (demo, France)"), delegations first, then people.
 */
export async function mentionCandidates(
  search: string,
  first: number | null | undefined,
): Promise<{ name: string; delegation: boolean }[]> {
  if (search.length > MAX_SEARCH)
    throw badInput(`search must be at most ${MAX_SEARCH} characters.`, 'search');
  const limit = first ?? 8;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw badInput('first must be a whole number from 1 to 50.', 'first');
  const q = search.trim().toLocaleLowerCase();
  const rank = (name: string): number => {
    const n = name.toLocaleLowerCase();
    if (n.startsWith(q)) return 0;
    return n.split(/[\s(),]+/).some((word) => word.startsWith(q)) ? 1 : -1;
  };
  const seen = new Set<string>();
  return (await mentionables())
    .map((m) => ({ name: m.name, delegation: m.delegationId !== null, r: rank(m.name) }))
    .filter((m) => m.r >= 0 && !seen.has(m.name) && seen.add(m.name))
    .sort(
      (a, b) =>
        a.r - b.r || Number(b.delegation) - Number(a.delegation) || a.name.localeCompare(b.name),
    )
    .slice(0, limit)
    .map(({ name, delegation }) => ({ name, delegation }));
}
