import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { appError, ErrorCode } from '../core/errors';
import { consultationDocument } from '../modules/consultations/consultation.service';
import { MAX_IMPORT_BYTES } from '../modules/documents/docx-check';
import type * as DocxWriter from '../modules/documents/docx-writer';
import {
  type DraftDocument,
  draftDocument,
  ExportFormat,
  parseExportQuery,
} from '../modules/documents/export.service';
import { writeHtml } from '../modules/documents/html-writer';
import { importDraft } from '../modules/documents/import.service';
import type { PdfRenderer } from '../modules/documents/pdf-renderer';
import type { DomainEvents } from '../modules/shared/domain-events';
import { parseId } from '../modules/shared/ids';
import type { DraftTextPort } from '../modules/versions/draft-text';
import { userFromAuthorization } from './auth-header';
import { bodyErrorHandler } from './body-errors';

const TYPES: Record<ExportFormat, string> = {
  [ExportFormat.DOCX]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  [ExportFormat.PDF]: 'application/pdf',
};

/** A file name for Content-Disposition: ASCII for old clients, UTF-8 for the others. */
const disposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The signed-in person of a request (the session as `Authorization: Bearer …`), or a refusal. */
async function signedInUser(req: Request) {
  const { user, tokenRejected } = await userFromAuthorization(req.headers.authorization);
  if (tokenRejected || !user)
    throw appError(
      ErrorCode.Unauthenticated,
      tokenRejected
        ? 'Your session has ended or the token is not valid: sign in again.'
        : 'Sign in first: send your session as "Authorization: Bearer <token>".',
    );
  return user;
}

const queryString = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Drafts as documents and from documents, for people signed in (the session as
 * `Authorization: Bearer …`); refusals are JSON with a code.
 * - `GET /drafts/:id/export.docx` and `.pdf`: the draft as a document, for anyone who may read it.
 * - `GET /consultations/:id/export.docx` and `.pdf` (`?lang=fr`): a consultation's version, clean,
 *   for anyone who may read the consultation.
 * - `POST /drafts/import?workingGroupId=…` with a .docx as the body: a new draft from it.
 */
export function documentRoutes(
  text: DraftTextPort,
  pdf: PdfRenderer,
  events: DomainEvents,
): Router {
  const router = Router();
  const send = async (res: Response, format: ExportFormat, document: DraftDocument) => {
    const body =
      format === ExportFormat.DOCX
        ? // The docx library is loaded on the first Word export, not at start.
          await (require('../modules/documents/docx-writer') as typeof DocxWriter).writeDocx(
            document.meta,
            document.blocks,
          )
        : await pdf.render(writeHtml(document.meta, document.blocks));
    res
      .status(200)
      .set({
        'Content-Type': TYPES[format],
        'Content-Disposition': disposition(`${document.baseName}.${format}`),
        'Cache-Control': 'no-store',
      })
      .send(body);
  };
  const handler =
    (format: ExportFormat) =>
    async (req: Request<{ id: string }>, res: Response, next: NextFunction): Promise<void> => {
      try {
        const user = await signedInUser(req);
        const request = parseExportQuery(req.params.id, req.query as Record<string, unknown>);
        await send(res, format, await draftDocument(user, request, text));
      } catch (err) {
        next(err);
      }
    };
  router.get('/drafts/:id/export.docx', handler(ExportFormat.DOCX));
  router.get('/drafts/:id/export.pdf', handler(ExportFormat.PDF));
  // The version of a consultation, for whoever may read it (a Member State's guest too).
  const consultation =
    (format: ExportFormat) =>
    async (req: Request<{ id: string }>, res: Response, next: NextFunction): Promise<void> => {
      try {
        const user = await signedInUser(req);
        const { lang } = parseExportQuery(req.params.id, req.query as Record<string, unknown>);
        const document = await consultationDocument(
          user,
          parseId(req.params.id, 'consultationId'),
          lang,
          text,
        );
        await send(res, format, document);
      } catch (err) {
        next(err);
      }
    };
  router.get('/consultations/:id/export.docx', consultation(ExportFormat.DOCX));
  router.get('/consultations/:id/export.pdf', consultation(ExportFormat.PDF));
  router.post(
    '/drafts/import',
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }),
    bodyErrorHandler,
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const user = await signedInUser(req);
        const draft = await importDraft(
          user,
          {
            workingGroupId: parseId(queryString(req, 'workingGroupId'), 'workingGroupId'),
            titleEn: queryString(req, 'titleEn'),
            titleFr: queryString(req, 'titleFr'),
            fileName: queryString(req, 'fileName'),
          },
          Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          text,
          events,
        );
        res.status(201).json({ draft: { id: draft._id.toHexString(), title: draft.title.en } });
      } catch (err) {
        next(err);
      }
    },
  );
  return router;
}
