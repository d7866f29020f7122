import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { en } from './en';
import { fr } from './fr';

export type Lang = 'en' | 'fr';
export const LANGS: Lang[] = ['en', 'fr'];
const STORAGE_KEY = 'committee.lang';

function storedLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // Storage can be disabled; the browser's language decides then.
  }
  return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const i18n = i18next.createInstance();
void i18n.init({
  lng: storedLang(),
  fallbackLng: 'en',
  resources: { en: { translation: en }, fr: { translation: fr } },
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

/** Switches the interface language and remembers it for the next visit. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but switched all the same.
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/** The current language; components using it re-render when it changes. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribe, () => (i18n.language === 'fr' ? 'fr' : 'en'));
}

/** The translate function of the current language. */
export function useT() {
  const lang = useLang();
  return { t: i18n.getFixedT(lang), lang };
}

/** The server's Language enum value for the current interface language. */
export const apiLang = (lang: Lang): 'EN' | 'FR' => (lang === 'fr' ? 'FR' : 'EN');
