/**
 * What is being typed after an `@` at the caret, if anything: the text from just after the `@` to
 * the caret, with where the `@` is. An `@` right after a letter or digit (an e-mail address) starts
 * no mention; names have spaces and brackets ("Delegate (demo, France)"), so the query runs to the
 * caret, on one line, up to a name's length.
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && /[\p{L}\p{N}._-]/u.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > 60 || /[\n@]/.test(query) || query.startsWith(' ')) return null;
  return { start: at, query };
}

/** The text with the mention being typed replaced by the chosen name, and where the caret goes. */
export function insertMention(
  text: string,
  caret: number,
  start: number,
  name: string,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const inserted = `@${name}${after.startsWith(' ') ? '' : ' '}`;
  return {
    text: text.slice(0, start) + inserted + after,
    caret: start + inserted.length + (after.startsWith(' ') ? 1 : 0),
  };
}
