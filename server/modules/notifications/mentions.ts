/**
 * The names a comment mentions: `@` followed by a known name (a person's or a delegation's). Names
 * have spaces and brackets ("Delegate (demo, France)"), so the text after each `@` is matched
 * against every known name and the longest one that fits wins ("@France" and "@Frances" can both
 * be known). A name must end at the end of the text or before a character that cannot continue a
 * word, so "@Francesco" does not mention France. Case-insensitive: "@france" still reaches France.
 */
export function findMentions(body: string, knownNames: readonly string[]): string[] {
  const names = [...new Set(knownNames.filter((n) => n.trim().length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const lower = body.toLocaleLowerCase();
  const found = new Set<string>();
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    // An e-mail address (letters right before the @) mentions nobody.
    if (at > 0 && /[\p{L}\p{N}._-]/u.test(body[at - 1])) continue;
    const rest = lower.slice(at + 1);
    const name = names.find((n) => {
      if (!rest.startsWith(n.toLocaleLowerCase())) return false;
      const next = rest.charAt(n.length);
      return next === '' || !/[\p{L}\p{N}_-]/u.test(next);
    });
    if (name) found.add(name);
  }
  return [...found];
}
