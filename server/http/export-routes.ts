import { type NextFunction, type Request, type Response, Router } from 'express';
import { appError, ErrorCode } from '../core/errors';
import { writeDocx } from '../modules/documents/docx-writer';
import { draftDocument, ExportFormat, parseExportQuery } from '../modules/documents/export.service';
import { writeHtml } from '../modules/documents/html-writer';
import type { PdfRenderer } from '../modules/documents/pdf-renderer';
import type { DraftTextPort } from '../modules/versions/draft-text';
import { userFromAuthorization } from './auth-header';

const TYPES: Record<ExportFormat, string> = {
  [ExportFormat.DOCX]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  [ExportFormat.PDF]: 'application/pdf',
};

/** A file name for Content-Disposition: ASCII for old clients, UTF-8 for the others. */
const disposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * `GET /drafts/:id/export.docx` and `.pdf`: the draft as a document, for anyone signed in who
 * may read it (the session as `Authorization: Bearer …`). Refusals are JSON with a code.
 */
export function exportRoutes(text: DraftTextPort, pdf: PdfRenderer): Router {
  const router = Router();
  const handler =
    (format: ExportFormat) =>
    async (req: Request<{ id: string }>, res: Response, next: NextFunction): Promise<void> => {
      try {
        const { user, tokenRejected } = await userFromAuthorization(req.headers.authorization);
        if (tokenRejected)
          throw appError(
            ErrorCode.Unauthenticated,
            'Your session has ended or the token is not valid: sign in again.',
          );
        const request = parseExportQuery(req.params.id, req.query as Record<string, unknown>);
        const document = await draftDocument(user, request, text);
        const body =
          format === ExportFormat.DOCX
            ? await writeDocx(document.meta, document.blocks)
            : await pdf.render(writeHtml(document.meta, document.blocks));
        res
          .status(200)
          .set({
            'Content-Type': TYPES[format],
            'Content-Disposition': disposition(`${document.baseName}.${format}`),
            'Cache-Control': 'no-store',
          })
          .send(body);
      } catch (err) {
        next(err);
      }
    };
  router.get('/drafts/:id/export.docx', handler(ExportFormat.DOCX));
  router.get('/drafts/:id/export.pdf', handler(ExportFormat.PDF));
  return router;
}
