import { Language } from '../shared/localized';

/** The label of the version frozen by adoption (on nobody's request). */
export const ADOPTION_LABEL = 'Adopted text';
/** The label of the version circulated under the silence procedure. */
export const SILENCE_LABEL = 'Circulated under the silence procedure';

// The platform's own labels are stored in English, as people's labels are stored as typed.
const FRENCH: Record<string, string> = {
  [ADOPTION_LABEL]: 'Texte adopté',
  [SILENCE_LABEL]: 'Diffusé selon la procédure d’approbation tacite',
};

/** A version's label in the language asked for: the platform's own are translated. */
export const labelIn = (label: string | null, lang: Language | undefined): string | null =>
  label !== null && lang === Language.FR ? (FRENCH[label] ?? label) : label;
