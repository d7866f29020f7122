import mongoose, { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { isDuplicateKey } from '../../core/duplicate-key';
import { appError, badInput, ErrorCode, notFound } from '../../core/errors';
import { isGuest } from '../../core/roles';
import { type CommentDoc, CommentModel, CommentTargetType } from '../comments/comment.model';
import { claimDecision, releaseDecision } from '../decisions/claim.service';
import { ExportView } from '../documents/document-outline';
import { type DraftDocument, documentOf } from '../documents/export.service';
import { findDraft } from '../drafts/draft.service';
import type { DomainEvents } from '../shared/domain-events';
import type { Language } from '../shared/localized';
import type { DraftTextPort } from '../versions/draft-text';
import { type DraftVersionDoc, DraftVersionModel } from '../versions/version.model';
import {
  type ConsultationBlockData,
  type ConsultationCommentData,
  MAX_COMMENT_LENGTH,
  MAX_CONSULTATION_MS,
  type OpenConsultationData,
} from './consultation.data';
import { type ConsultationDoc, ConsultationModel, OPEN_SLOT } from './consultation.model';
import { consultationPolicy } from './consultation.policy';
import { consultationBlocks } from './consultation-text';

/** Whether it still takes comments: not closed by hand, and its closing date not passed. */
export const isOpen = (c: Pick<ConsultationDoc, 'closedAt' | 'closesAt'>, now = Date.now()) =>
  !c.closedAt && (!c.closesAt || c.closesAt.getTime() > now);

/** When it closed: by hand, or at its closing date once passed; null while open. */
export const closedAtOf = (c: Pick<ConsultationDoc, 'closedAt' | 'closesAt'>, now = Date.now()) =>
  c.closedAt ?? (c.closesAt && c.closesAt.getTime() <= now ? c.closesAt : null);

export const closed = (c: Pick<ConsultationDoc, 'closedAt' | 'closesAt'>) => {
  const at = closedAtOf(c);
  return appError(
    ErrorCode.ConsultationClosed,
    `This consultation closed${at ? ` on ${at.toISOString()}` : ''}: it takes no more comments.`,
  );
};

export function parseClosesAt(closesAt: Date | null | undefined, now = Date.now()): Date | null {
  if (closesAt === null || closesAt === undefined) return null;
  const at = closesAt instanceof Date ? closesAt.getTime() : Number.NaN;
  if (!Number.isFinite(at)) throw badInput('closesAt must be a date and time.', 'closesAt');
  if (at <= now)
    throw badInput(
      'closesAt must be in the future: the consultation would close as it opens.',
      'closesAt',
    );
  if (at > now + MAX_CONSULTATION_MS)
    throw badInput('closesAt must be within a year from now.', 'closesAt');
  return new Date(at);
}

function parseVersionNumber(version: number): number {
  if (!Number.isInteger(version) || version < 1)
    throw badInput('version must be the number of a version of the draft (1, 2, …).', 'version');
  return version;
}

/** Whether this guest commented in the consultation (a closed one stays theirs to read). */
async function tookPart(user: AuthUser, consultationId: Types.ObjectId): Promise<boolean> {
  if (!isGuest(user)) return false;
  return (await CommentModel.exists({ consultationId, authorId: user._id })) !== null;
}

/**
 * A consultation, if this person may read it; NOT_FOUND otherwise, so that a guest learns
 * nothing of consultations not open to them.
 */
export async function findConsultation(
  user: AuthUser,
  id: Types.ObjectId,
): Promise<ConsultationDoc> {
  const c = await ConsultationModel.findById(id).lean<ConsultationDoc>();
  if (!c || !consultationPolicy.read(user, { open: isOpen(c) }, await tookPart(user, c._id)))
    throw notFound('Consultation', id.toHexString());
  return c;
}

/**
 * The consultations this person may read, newest first: for a guest the open ones and the closed
 * ones they took part in; for everyone else all of them.
 */
export async function listConsultations(user: AuthUser): Promise<ConsultationDoc[]> {
  const all = await ConsultationModel.find()
    .sort({ openedAt: -1, _id: -1 })
    .lean<ConsultationDoc[]>();
  if (!isGuest(user)) return all;
  const mine = new Set(
    (await CommentModel.distinct('consultationId', { authorId: user._id })).map(String),
  );
  return all.filter((c) =>
    consultationPolicy.read(user, { open: isOpen(c) }, mine.has(c._id.toHexString())),
  );
}

/** The consultations on a draft, newest first (the draft page's; its readers only). */
export function listDraftConsultations(draftId: Types.ObjectId): Promise<ConsultationDoc[]> {
  return ConsultationModel.find({ draftId })
    .sort({ openedAt: -1, _id: -1 })
    .lean<ConsultationDoc[]>()
    .exec();
}

/** How many consultations on the draft are open now (cheap: the draft's live topic reads it). */
export async function countOpenConsultations(draftId: Types.ObjectId): Promise<number> {
  const held = await ConsultationModel.find(
    { draftId, slot: OPEN_SLOT },
    { closedAt: 1, closesAt: 1 },
  ).lean<Pick<ConsultationDoc, 'closedAt' | 'closesAt'>[]>();
  return held.filter((c) => isOpen(c)).length;
}

async function findVersionByNumber(
  draftId: Types.ObjectId,
  number: number,
): Promise<DraftVersionDoc | null> {
  return DraftVersionModel.findOne({ draftId, number }).lean<DraftVersionDoc>().exec();
}

/** The consulted version's text, block by block. */
export async function consultationText(c: ConsultationDoc): Promise<ConsultationBlockData[]> {
  const version = await DraftVersionModel.findById(c.versionId, { state: 1 }).lean();
  return version ? consultationBlocks(version.state) : [];
}

/**
 * Moves a consultation whose closing date passed out of the open slot, so that a new one on the
 * same version can be opened. Idempotent: several instances may do it at once.
 */
async function settleExpired(draftId: Types.ObjectId, versionNumber: number): Promise<void> {
  const current = await ConsultationModel.findOne({
    draftId,
    versionNumber,
    slot: OPEN_SLOT,
  }).lean<ConsultationDoc>();
  if (!current || isOpen(current) || !current.closesAt) return;
  await ConsultationModel.updateOne(
    { _id: current._id, slot: OPEN_SLOT },
    {
      $set: {
        slot: current._id.toHexString(),
        closedAt: current.closedAt ?? current.closesAt,
      },
    },
  );
}

const alreadyOpen = (version: number) =>
  appError(
    ErrorCode.ConsultationOpen,
    `A consultation on version ${version} of this draft is already open: close it first.`,
    { field: 'version' },
  );

/** Opens a consultation of Member States on a frozen version of a draft: the Secretariat's. */
export async function openConsultation(
  user: AuthUser,
  input: OpenConsultationData,
  events: DomainEvents,
): Promise<ConsultationDoc> {
  authorize(
    consultationPolicy.open(user),
    'Only the Secretariat may open a consultation of Member States.',
  );
  const versionNumber = parseVersionNumber(input.version);
  const closesAt = parseClosesAt(input.closesAt);
  const draft = await findDraft(input.draftId);
  const version = await findVersionByNumber(draft._id, versionNumber);
  if (!version)
    throw appError(
      ErrorCode.NotFound,
      `This draft has no version ${versionNumber}: a consultation is on a frozen version.`,
      { field: 'version' },
    );
  await settleExpired(draft._id, versionNumber);
  let consultation: ConsultationDoc;
  try {
    // The unique (draft, version, slot) index decides between two openings at once.
    consultation = (
      await ConsultationModel.create({
        draftId: draft._id,
        versionId: version._id,
        versionNumber,
        slot: OPEN_SLOT,
        openedById: user._id,
        openedAt: new Date(),
        closesAt,
      })
    ).toObject() as ConsultationDoc;
  } catch (err) {
    if (isDuplicateKey(err)) throw alreadyOpen(versionNumber);
    throw err;
  }
  events.emit('consultation.changed', { consultation, change: 'opened', byId: user._id });
  return consultation;
}

/** Closes a consultation before its date (or without one): the Secretariat's. */
export async function closeConsultation(
  user: AuthUser,
  id: Types.ObjectId,
  events: DomainEvents,
): Promise<ConsultationDoc> {
  authorize(
    consultationPolicy.open(user),
    'Only the Secretariat may close a consultation of Member States.',
  );
  const current = await findConsultation(user, id);
  if (!isOpen(current)) throw closed(current);
  // Two closings at once (two officers, two instances): the claim lets one through, so the
  // trail and the event say it once.
  const claim = `consultation-close:${id.toHexString()}`;
  if (!(await claimDecision(claim))) throw closed({ closedAt: new Date(), closesAt: null });
  let updated: ConsultationDoc | null;
  try {
    // Before the closing is stamped: an author's change written after this is refused, so every
    // change acknowledged was made before it (see consultation-comments.service.ts).
    await freezeComments(id, true);
    updated = await ConsultationModel.findOneAndUpdate(
      { _id: id, slot: OPEN_SLOT },
      { $set: { slot: id.toHexString(), closedAt: new Date(), closedById: user._id } },
      { returnDocument: 'after' },
    ).lean<ConsultationDoc>();
  } catch (err) {
    // Not closed: the right to close it is given back, or nobody could ever close it.
    await freezeComments(id, false).catch(() => undefined);
    await releaseDecision(claim);
    throw err;
  }
  // Settled meanwhile (its date passed and a new one was opened): closed all the same.
  if (!updated) throw closed({ closedAt: new Date(), closesAt: null });
  // Comments added meanwhile, which their authors could otherwise still change.
  await freezeComments(id, true);
  updated = await closeAfterRacingComments(updated);
  events.emit('consultation.changed', { consultation: updated, change: 'closed', byId: user._id });
  return updated;
}

/** Whether the consultation's comments may still be changed by their authors. */
async function freezeComments(consultationId: Types.ObjectId, frozen: boolean): Promise<void> {
  await CommentModel.updateMany({ consultationId }, { $set: { frozen } });
}

/**
 * A comment stamped before it is inserted may land just after the closing was written while its
 * own check read the consultation still open: it was accepted, so it stays, and the closing moves
 * past it. Each side writes and then reads the other (the comment its consultation, the closing
 * the comments), so one of them always sees the other: a comment this read misses sees the
 * closing and takes itself back. An author's edit or withdrawal, stamped before it is written, may
 * have been written just before the comments were frozen: it stands too.
 */
async function closeAfterRacingComments(c: ConsultationDoc): Promise<ConsultationDoc> {
  const closedAt = c.closedAt;
  if (!closedAt) return c;
  const since = mongoose.trusted({ $gte: closedAt });
  const racing = await CommentModel.find({
    consultationId: c._id,
    $or: [{ createdAt: since }, { editedAt: since }, { deletedAt: since }],
  })
    .select({ createdAt: 1, editedAt: 1, deletedAt: 1 })
    .lean<Pick<CommentDoc, 'createdAt' | 'editedAt' | 'deletedAt'>[]>();
  if (racing.length === 0) return c;
  const last = Math.max(
    ...racing.flatMap((r) => [r.createdAt, r.editedAt, r.deletedAt]).map((d) => d?.getTime() ?? 0),
  );
  const after = new Date(last + 1);
  return (
    (await ConsultationModel.findOneAndUpdate(
      { _id: c._id, closedAt: mongoose.trusted({ $lt: after }) },
      { $set: { closedAt: after } },
      { returnDocument: 'after' },
    ).lean<ConsultationDoc>()) ?? c
  );
}

export function cleanBody(body: string): string {
  const text = body.trim();
  if (!text) throw badInput('body must not be blank.', 'body');
  if (text.length > MAX_COMMENT_LENGTH)
    throw badInput(`body must be at most ${MAX_COMMENT_LENGTH} characters long.`, 'body');
  return text;
}

/** How much of a paragraph a comment quotes, for the draft page (anchors take up to 1,000). */
const QUOTE_LENGTH = 200;

/**
 * A guest's comment on the consulted text (a paragraph of it, or the whole), signed with their
 * name and delegation. It is a comment on the draft carrying the consultation, so that the draft
 * page's comments (and their live subscription) show it to the Committee.
 */
export async function addConsultationComment(
  user: AuthUser,
  input: ConsultationCommentData,
  events: DomainEvents,
): Promise<CommentDoc> {
  authorize(
    consultationPolicy.mayComment(user),
    'Only a Member State’s guest account, with its delegation, comments in a consultation.',
  );
  const body = cleanBody(input.body);
  // Closed is said as such (a guest's page may have been open since before the date), though a
  // closed consultation they did not take part in is otherwise not theirs to read.
  const consultation = await ConsultationModel.findById(
    input.consultationId,
  ).lean<ConsultationDoc>();
  if (!consultation) throw notFound('Consultation', input.consultationId.toHexString());
  if (!isOpen(consultation)) throw closed(consultation);
  let quote: string | null = null;
  if (input.paragraph !== null) {
    const paragraph = input.paragraph;
    const block = (await consultationText(consultation)).find(
      (b) => b.kind === 'PARAGRAPH' && b.number === paragraph,
    );
    if (!block)
      throw badInput(
        `The consulted text has no paragraph ${paragraph}: leave it out to comment on the whole text.`,
        'paragraph',
      );
    quote = block.text.slice(0, QUOTE_LENGTH) || `${paragraph}.`;
  }
  const _id = new Types.ObjectId();
  const created = await CommentModel.create({
    _id,
    targetType: CommentTargetType.DRAFT,
    targetId: consultation.draftId,
    containerId: consultation.draftId,
    parentId: null,
    threadId: _id,
    authorId: user._id,
    body,
    anchor: quote ? { quote, start: null, end: null } : null,
    consultationId: consultation._id,
    paragraphNumber: input.paragraph,
  });
  const comment = created.toObject() as CommentDoc;
  // Closed between the check and the insert (by hand, on any instance): the comment came in
  // after the closing, so it is taken back before anyone hears of it.
  const now = await ConsultationModel.findById(consultation._id).lean<ConsultationDoc>();
  const closedAt = now ? closedAtOf(now, comment.createdAt.getTime()) : new Date(0);
  if (closedAt && closedAt.getTime() <= comment.createdAt.getTime()) {
    await CommentModel.deleteOne({ _id: comment._id });
    throw closed(now ?? consultation);
  }
  events.emit('comment.added', { comment });
  return comment;
}

/**
 * The guests' comments in a consultation, oldest first: all Member States' (it is an open
 * consultation), never the Committee's own; deleted ones left out.
 */
export function listConsultationComments(consultationId: Types.ObjectId): Promise<CommentDoc[]> {
  return CommentModel.find({ consultationId, deletedAt: null })
    .sort({ createdAt: 1, _id: 1 })
    .lean<CommentDoc[]>()
    .exec();
}

/**
 * The consulted version as a document (Word or PDF), for whoever may read the consultation: the
 * clean text, as the page shows it, never the live text or another version.
 */
export async function consultationDocument(
  user: AuthUser,
  id: Types.ObjectId,
  lang: Language,
  text: DraftTextPort,
): Promise<DraftDocument> {
  const consultation = await findConsultation(user, id);
  return documentOf(
    {
      draftId: consultation.draftId,
      lang,
      version: consultation.versionNumber,
      view: ExportView.CLEAN,
    },
    text,
  );
}
