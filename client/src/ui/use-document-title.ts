import { useEffect } from 'react';
import { i18n } from '../i18n/i18n';

/** The tab's title names the page, so that tabs and screen readers tell pages apart. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    const app = i18n.t('app.name');
    document.title = title ? `${title} · ${app}` : app;
  }, [title]);
}
