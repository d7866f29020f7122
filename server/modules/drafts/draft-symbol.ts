/** A United Nations document symbol, as typed: S/AC.44/2020/WP.1, A/75/123 (Rev.1)… */
export const SYMBOL_PATTERN = /^[A-Za-z0-9./()\- ]{1,60}$/;

/** The symbol to store: trimmed, and none for an empty one. */
export const normalizeSymbol = (symbol: string | null | undefined): string | null =>
  symbol?.trim().replace(/\s+/g, ' ') || null;
