// The modules themselves: the package's indexes load all of date-fns and every locale.
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { appError, badInput, ErrorCode, unauthenticated } from '../../core/errors';
import { GUEST_REFUSED } from '../../core/roles';
import { CommitteeModel } from '../committee/committee.model';
import type { DraftDoc } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { findDraft } from '../drafts/draft.service';
import { DraftStatus } from '../drafts/draft-status';
import { parseId } from '../shared/ids';
import { Language, pick } from '../shared/localized';
import type { DraftTextPort } from '../versions/draft-text';
import { bytesOf } from '../versions/draft-text';
import { type DraftVersionDoc, DraftVersionModel } from '../versions/version.model';
import { labelIn } from '../versions/version-labels';
import type { DocumentMeta } from './document-meta';
import { ExportView, type OutlineBlock, outlineOf } from './document-outline';

export enum ExportFormat {
  DOCX = 'docx',
  PDF = 'pdf',
}

export interface ExportRequest {
  draftId: Types.ObjectId;
  lang: Language;
  /** A numbered version; null for the current text. */
  version: number | null;
  view: ExportView;
}

const LABELS = {
  en: {
    language: 'English',
    draft: 'Draft',
    version: (n: number, label: string | null) => `Rev.${n}${label ? `: ${label}` : ''}`,
    marked:
      'Brackets and proposals shown: proposed insertions underlined, proposed deletions struck through.',
    committee: 'Security Council Committee established pursuant to resolution 1540 (2004)',
  },
  fr: {
    language: 'Français',
    draft: 'Projet',
    version: (n: number, label: string | null) => `Rév.${n}${label ? ` : ${label}` : ''}`,
    marked:
      'Crochets et propositions indiqués : ajouts proposés soulignés, suppressions proposées barrées.',
    committee: 'Comité du Conseil de sécurité créé par la résolution 1540 (2004)',
  },
} as const;

/** Reads the query string of an export: `?lang=fr`, `?version=N`, `?view=clean|marked`. */
export function parseExportQuery(draftId: string, query: Record<string, unknown>): ExportRequest {
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badInput(`Give "${name}" once.`, name);
    return value;
  };
  const lang = one('lang') ?? 'en';
  if (lang !== Language.EN && lang !== Language.FR)
    throw badInput('lang must be "en" or "fr".', 'lang');
  const version = one('version');
  if (version !== undefined && !/^[1-9][0-9]{0,5}$/.test(version))
    throw badInput(
      'version must be the number of one of the draft’s versions (1, 2, 3…).',
      'version',
    );
  const view = one('view') ?? ExportView.MARKED;
  if (view !== ExportView.MARKED && view !== ExportView.CLEAN)
    throw badInput('view must be "marked" (brackets and proposals shown) or "clean".', 'view');
  return {
    draftId: parseId(draftId, 'draftId'),
    lang: lang as Language,
    version: version === undefined ? null : Number(version),
    view: view as ExportView,
  };
}

async function textOf(
  draft: DraftDoc,
  number: number | null,
  text: DraftTextPort,
): Promise<{ state: Uint8Array; version: DraftVersionDoc | null }> {
  if (number === null) return { state: (await text.loadState(draft._id)).state, version: null };
  const version = await DraftVersionModel.findOne({
    draftId: draft._id,
    number,
  }).lean<DraftVersionDoc>();
  if (!version)
    throw appError(ErrorCode.NotFound, `This draft has no version ${number}.`, {
      field: 'version',
    });
  return { state: bytesOf(version.state), version };
}

export interface DraftDocument {
  meta: DocumentMeta;
  blocks: OutlineBlock[];
  /** A file name without extension: the symbol or the title, and the version. */
  baseName: string;
}

/** A draft's text, and what its document says about it, for any signed-in reader. */
export async function draftDocument(
  user: AuthUser | null,
  request: ExportRequest,
  text: DraftTextPort,
): Promise<DraftDocument> {
  // Every signed-in person may read a draft (draft.policy.ts), hence export it.
  if (!user)
    throw unauthenticated('Sign in first: send your session as "Authorization: Bearer <token>".');
  authorize(draftPolicy.read(user), GUEST_REFUSED);
  return documentOf(request, text);
}

/**
 * A draft's text as a document, whoever asks: the caller has checked they may read it (a draft's
 * reader above, a Member State's guest for the version of a consultation open to them).
 */
export async function documentOf(
  request: ExportRequest,
  text: DraftTextPort,
): Promise<DraftDocument> {
  const draft = await findDraft(request.draftId);
  const { state, version } = await textOf(draft, request.version, text);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const blocks = outlineOf(doc, request.view);
  doc.destroy();
  const committee = await CommitteeModel.findOne().lean();
  const labels = LABELS[request.lang];
  const title = pick(draft.title, request.lang);
  const symbol = draft.symbol ?? null;
  const meta: DocumentMeta = {
    lang: request.lang,
    committee: committee ? pick(committee.name, request.lang) : labels.committee,
    title,
    symbol,
    date: format(version?.createdAt ?? new Date(), 'd MMMM yyyy', {
      locale: request.lang === Language.FR ? fr : enGB,
    }),
    language: labels.language,
    draftMark: draft.status === DraftStatus.ADOPTED ? null : labels.draft,
    version: version
      ? labels.version(version.number, labelIn(version.label ?? null, request.lang))
      : null,
    viewNote: request.view === ExportView.MARKED ? labels.marked : null,
  };
  const name = (symbol ?? title)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return {
    meta,
    blocks,
    baseName: `${name || 'draft'}${version ? `-rev${version.number}` : ''}-${request.lang}`,
  };
}
