import { Schema } from 'mongoose';

export enum Language {
  EN = 'en',
  FR = 'fr',
}

/** A text in the Committee's two working languages for this platform. */
export interface LocalizedText {
  en: string;
  fr: string;
}

export const localizedTextSchema = new Schema<LocalizedText>(
  { en: { type: String, required: true }, fr: { type: String, required: true } },
  { _id: false },
);

export function pick(text: LocalizedText, lang: Language | undefined): string {
  return text[lang ?? Language.EN] || text.en || text.fr;
}
