import { sessionFetch } from '../../../api/session-fetch';

export interface ExportChoice {
  format: 'docx' | 'pdf';
  lang: 'en' | 'fr';
  /** A version's number, or null for the current text. */
  version: number | null;
  view: 'marked' | 'clean';
}

export const exportUrl = (draftId: string, choice: ExportChoice): string => {
  const params = new URLSearchParams({ lang: choice.lang, view: choice.view });
  if (choice.version !== null) params.set('version', String(choice.version));
  return `/drafts/${encodeURIComponent(draftId)}/export.${choice.format}?${params}`;
};

/** The file name the server gave (Content-Disposition), or a plain one. */
const fileName = (res: Response, fallback: string): string => {
  const header = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
};

/**
 * Downloads the document with the session in the Authorization header (a plain link could not
 * send it) and saves it under the server's file name. Resolves with that name.
 */
export function downloadExport(draftId: string, choice: ExportChoice): Promise<string> {
  return downloadFile(exportUrl(draftId, choice), `draft.${choice.format}`);
}

/** Downloads a document the server makes for the signed-in person (see downloadExport). */
export async function downloadFile(path: string, fallback: string): Promise<string> {
  const res = await sessionFetch(path);
  const name = fileName(res, fallback);
  const url = URL.createObjectURL(await res.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the file to the browser; the next task frees the memory.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
