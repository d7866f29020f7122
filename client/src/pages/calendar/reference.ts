import type { Lang } from '../../i18n/i18n';

/**
 * References to paragraphs of the review modalities paper, as the programme writes them in
 * French ("par. 6 d) i) à ii)", "par. 4, 6 c) iii), 8 et 9"), read into parts so that each
 * language can write them its own way: "par. 6 (d) (i)–(ii)" in English.
 */
interface Part {
  paragraph: string;
  /** Subdivisions, outermost first: the letter, then the roman numeral. */
  levels: string[];
  /** The end of a range over the innermost subdivision ("i) à iii)"). */
  through: string | null;
}

const PREFIX = /^(?:par|para|paras|paragraphe|paragraphes|paragraph|paragraphs)\.?\s+/i;
// A subdivision as either language writes it: "c)" or "(c)".
const LEVEL = String.raw`(?:([a-z]+)\)|\(([a-z]+)\))`;
const PART = new RegExp(String.raw`^(\d+)((?:\s*${LEVEL})*)$`, 'i');
const LEVELS = new RegExp(LEVEL, 'gi');
const RANGE_MARK = '\u0000';
// "i-iii)", "i) à iii)", "(i)–(iii)", "(i) to (iii)": a range over the innermost level.
const RANGE = new RegExp(
  String.raw`(?:([a-z]+)\s*[-–]\s*([a-z]+)\))|(?:${LEVEL}\s*(?:[-–]|\s(?:à|to)\s)\s*${LEVEL})`,
  'gi',
);

function parsePart(text: string): Part | null {
  // A range is folded into one subdivision marked as its last, so the rest reads as plain levels.
  const ranges: string[] = [];
  const folded = text
    .trim()
    .replace(
      RANGE,
      (_m, a?: string, b?: string, c1?: string, c2?: string, d1?: string, d2?: string) => {
        ranges.push((b ?? d1 ?? d2 ?? '').toLowerCase());
        return `${(a ?? c1 ?? c2 ?? '').toLowerCase()})${RANGE_MARK}`;
      },
    );
  // Two ranges, or one anywhere but at the end, is not something this can rewrite faithfully.
  if (ranges.length > 1 || (ranges.length === 1 && !folded.endsWith(RANGE_MARK))) return null;
  const m = PART.exec(folded.replace(RANGE_MARK, ''));
  if (!m) return null;
  const levels = [...m[2].matchAll(LEVELS)].map((l) => (l[1] ?? l[2]).toLowerCase());
  return { paragraph: m[1], levels, through: ranges[0] ?? null };
}

/** The parts of a reference, or null when it is written in some other way (then shown as it is). */
export function parseReference(reference: string): Part[] | null {
  const body = reference.trim().replace(PREFIX, '');
  if (body === reference.trim() && !/^\d/.test(body)) return null;
  const pieces = body.split(/\s*,\s*|\s+(?:et|and)\s+/i).filter(Boolean);
  const parts = pieces.map(parsePart);
  return parts.length > 0 && parts.every((p): p is Part => p !== null) ? parts : null;
}

function writePart(p: Part, lang: Lang): string {
  if (lang === 'fr') {
    const levels = p.levels.map((l) => `${l})`);
    if (p.through) levels.push(`à ${p.through})`);
    return [p.paragraph, ...levels].join(' ');
  }
  const levels = p.levels.map((l) => `(${l})`);
  if (p.through) levels[levels.length - 1] += `–(${p.through})`;
  return [p.paragraph, ...levels].join(' ');
}

/** A reference to the modalities paper written in the interface language. */
export function formatReference(reference: string, lang: Lang): string {
  const parts = parseReference(reference);
  if (!parts) return reference.trim();
  const written = parts.map((p) => writePart(p, lang));
  const and = lang === 'fr' ? ' et ' : ' and ';
  const list =
    written.length === 1
      ? written[0]
      : `${written.slice(0, -1).join(', ')}${and}${written[written.length - 1]}`;
  return `par. ${list}`;
}
