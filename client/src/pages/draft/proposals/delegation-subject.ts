import type { Lang } from '../../../i18n/i18n';

// French names a State with its article ("La France propose", "Le Royaume-Uni propose").
const FRENCH_ARTICLE: Record<string, string> = {
  CHN: 'La',
  FRA: 'La',
  RUS: 'La',
  GBR: 'Le',
  USA: 'Les',
  BEL: 'La',
  DOM: 'La',
  DEU: 'L’',
  IDN: 'L’',
  ZAF: 'L’',
  EST: 'L’',
  NER: 'Le',
  TUN: 'La',
  VNM: 'Le',
  IND: 'L’',
  IRL: 'L’',
  KEN: 'Le',
  MEX: 'Le',
  NOR: 'La',
};

/** A delegation as the subject of a sentence: "France", "La France", "Le Royaume-Uni…". */
export function delegationSubject(code: string, name: string, lang: Lang): string {
  if (lang !== 'fr') return name;
  const article = FRENCH_ARTICLE[code];
  if (!article) return name;
  return article.endsWith('’') ? `${article}${name}` : `${article} ${name}`;
}

/** Whether French conjugates the verb in the plural for it ("Les États-Unis proposent"). */
export const frenchPlural = (code: string): boolean => FRENCH_ARTICLE[code] === 'Les';
