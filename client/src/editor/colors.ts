const PALETTE = [
  '#1f6feb',
  '#d1242f',
  '#1a7f37',
  '#8250df',
  '#bf3989',
  '#9a6700',
  '#0a7d8c',
  '#cf222e',
  '#6639ba',
  '#116329',
];

/** A stable colour per person, so everyone sees the same caret colour for them. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
