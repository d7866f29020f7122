import { useT } from '../i18n/i18n';

export interface Person {
  name: string;
  delegation?: { code: string; nameEn: string; nameFr: string } | null;
}

const sameWords = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/**
 * A person's name without the mention of their own delegation it may end with, as in the demo
 * accounts' "Delegate (demo, France)": views show the delegation beside the name, and stored
 * names (and those already in existing databases) cannot be assumed free of it.
 */
export function nameWithoutDelegation(name: string, delegation: readonly string[]): string {
  const match = /^(.*\S)\s*\(([^()]*)\)\s*$/.exec(name);
  if (!match) return name;
  const [, head, inside] = match;
  const parts = inside.split(',').map((p) => p.trim());
  const kept = parts.filter((p) => !delegation.some((d) => sameWords(p, d)));
  if (kept.length === parts.length) return name;
  return kept.length > 0 ? `${head} (${kept.join(', ')})` : head;
}

/** What to call a person: their name once, then their delegation in the interface's language. */
export function personLabel(
  person: Person,
  lang: 'en' | 'fr',
): { name: string; delegation: string | null } {
  const d = person.delegation;
  if (!d) return { name: person.name, delegation: null };
  return {
    name: nameWithoutDelegation(person.name, [d.code, d.nameEn, d.nameFr]),
    delegation: lang === 'fr' ? d.nameFr : d.nameEn,
  };
}

/** "Delegate (demo) · France": for every place that shows who wrote or did something. */
export function PersonName({ person }: { person: Person | null | undefined }) {
  const { lang } = useT();
  if (!person) return <strong className="person-name">—</strong>;
  const label = personLabel(person, lang);
  return (
    <>
      <strong className="person-name">{label.name}</strong>
      {label.delegation && <span className="person-delegation"> · {label.delegation}</span>}
    </>
  );
}
