import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { readBlocks } from '../../core/document-blocks';
import { isDuplicateKey } from '../../core/duplicate-key';
import { appError, badInput, draftLocked, ErrorCode, underSilence } from '../../core/errors';
import { recordDecision } from '../decisions/decision.service';
import { DecisionKind } from '../decisions/decision-kind';
import type { DraftDoc } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { findDraft } from '../drafts/draft.service';
import { ensureParagraphIds, setParagraphStatus } from '../paragraphs/paragraph.service';
import { ParagraphStatus } from '../paragraphs/paragraph-status';
import type { DomainEvents } from '../shared/domain-events';
import type { DraftTextPort } from '../versions/draft-text';
import { ACTIVE_SLOT, type DraftReadingDoc, DraftReadingModel } from './reading.model';
import { ReadingOutcome, ReadingRound, ReadingState } from './reading-kinds';
import { type ReadingOutcomeDoc, ReadingOutcomeModel } from './reading-outcome.model';

/** Longest lasting id of a paragraph accepted as input (the editor's are far shorter). */
const MAX_PARAGRAPH_ID_LENGTH = 100;
/** The longest excerpt of a paragraph's text kept with a decision on it, for the history. */
const DECISION_TEXT_LENGTH = 500;
/** How many past readings a draft lists. */
const PAST_READINGS = 50;

/** What a reading needs of the co-editing core: the stored text, to find its paragraphs. */
export type ReadingTexts = Pick<DraftTextPort, 'loadState' | 'applyServerUpdate'>;

/** A paragraph a reading may stand on: a numbered top-level paragraph with a lasting id. */
export interface ReadableParagraph {
  id: string;
  number: number;
  text: string;
}

/**
 * The draft's paragraphs in reading order. Headings and lists are not read (they carry no
 * number); a paragraph without a lasting id yet (an older draft, before ids were given) is
 * skipped, as nothing could point at it.
 */
export async function readableParagraphs(
  texts: ReadingTexts,
  draftId: Types.ObjectId,
): Promise<ReadableParagraph[]> {
  const { state } = await texts.loadState(draftId);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readBlocks(doc).flatMap((b) =>
      b.kind === 'paragraph' && b.id !== null && b.number !== null
        ? [{ id: b.id, number: b.number, text: b.text }]
        : [],
    );
  } finally {
    doc.destroy();
  }
}

export function findActiveReading(draftId: Types.ObjectId): Promise<DraftReadingDoc | null> {
  return DraftReadingModel.findOne({ draftId, slot: ACTIVE_SLOT }).lean<DraftReadingDoc>().exec();
}

/** The draft's ended readings, newest first. */
export function listPastReadings(draftId: Types.ObjectId): Promise<DraftReadingDoc[]> {
  return DraftReadingModel.find({ draftId, state: ReadingState.ENDED })
    .sort({ startedAt: -1, _id: -1 })
    .limit(PAST_READINGS)
    .lean<DraftReadingDoc[]>()
    .exec();
}

/** What a reading decided, one per paragraph, in the order they were recorded. */
export function listOutcomes(readingId: Types.ObjectId): Promise<ReadingOutcomeDoc[]> {
  return ReadingOutcomeModel.find({ readingId })
    .sort({ at: 1, _id: 1 })
    .lean<ReadingOutcomeDoc[]>()
    .exec();
}

export function findReading(id: Types.ObjectId): Promise<DraftReadingDoc | null> {
  return DraftReadingModel.findById(id).lean<DraftReadingDoc>().exec();
}

const noActiveReading = () =>
  appError(
    ErrorCode.NoActiveReading,
    'No reading of this draft is under way: the Chair or the coordinator starts one first.',
  );

/** The draft, once `user` may lead a reading of it now. */
async function draftToRead(user: AuthUser, draftId: Types.ObjectId): Promise<DraftDoc> {
  const draft = await findDraft(draftId);
  authorize(
    draftPolicy.leadReading(user, draft),
    'Only the Chair or the group coordinator may lead a reading of this draft.',
  );
  if (draftPolicy.underSilence(draft)) throw underSilence();
  if (draftPolicy.locked(draft))
    throw draftLocked(
      'This draft has been adopted: its text is final and is no longer read. The Chair or the Secretariat may reopen it.',
    );
  return draft;
}

function parseParagraphId(paragraphId: string): string {
  const id = paragraphId.trim();
  if (!id || id.length > MAX_PARAGRAPH_ID_LENGTH)
    throw badInput(
      `paragraphId must be a paragraph's id (1 to ${MAX_PARAGRAPH_ID_LENGTH} characters).`,
      'paragraphId',
    );
  return id;
}

/** The paragraph with that id among the readable ones, and its place in reading order. */
function paragraphOf(
  paragraphs: ReadableParagraph[],
  paragraphId: string,
): { paragraph: ReadableParagraph; index: number } {
  const index = paragraphs.findIndex((p) => p.id === paragraphId);
  if (index < 0)
    throw appError(
      ErrorCode.NotFound,
      `Paragraph ${paragraphId} is not a numbered paragraph of this draft.`,
      { field: 'paragraphId' },
    );
  return { paragraph: paragraphs[index], index };
}

/**
 * A reading's outcome becomes the paragraph's status: agreed (and locked), agreed ad referendum
 * (capitals to confirm within AD_REF_CONFIRM_DAYS, which the paragraph menu can change), parked.
 * Bracketed marks it so (an open paragraph holding brackets shows it by itself too). The reading
 * records the outcome as its decision, so the status change does not record a second one.
 */
export async function applyOutcomeToParagraph(
  user: AuthUser,
  draft: DraftDoc,
  paragraphId: string,
  outcome: ReadingOutcome,
  texts: ReadingTexts,
  events: DomainEvents,
): Promise<void> {
  const status = {
    [ReadingOutcome.AGREED]: ParagraphStatus.AGREED,
    [ReadingOutcome.AGREED_AD_REF]: ParagraphStatus.AGREED_AD_REF,
    [ReadingOutcome.PARKED]: ParagraphStatus.PARKED,
    [ReadingOutcome.BRACKETED]: ParagraphStatus.BRACKETED,
  }[outcome];
  await setParagraphStatus(
    user,
    // Ad referendum: capitals have the usual time (AD_REF_CONFIRM_DAYS) to confirm.
    { draftId: draft._id, paragraphId, status, confirmBy: null },
    texts,
    events,
    false,
  );
}

export async function startReading(
  user: AuthUser,
  draftId: Types.ObjectId,
  round: ReadingRound,
  texts: ReadingTexts,
  events: DomainEvents,
): Promise<DraftReadingDoc> {
  const draft = await draftToRead(user, draftId);
  await ensureParagraphIds(user, draft, texts);
  const [first] = await readableParagraphs(texts, draft._id);
  if (!first)
    throw appError(ErrorCode.NothingToRead, 'This draft has no numbered paragraph to read yet.');
  const now = new Date();
  let reading: DraftReadingDoc;
  try {
    const created = await DraftReadingModel.create({
      draftId: draft._id,
      round,
      state: ReadingState.ACTIVE,
      slot: ACTIVE_SLOT,
      paragraphId: first.id,
      paragraphNumber: first.number,
      startedById: user._id,
      startedAt: now,
    });
    reading = created.toObject() as DraftReadingDoc;
  } catch (err) {
    if (isDuplicateKey(err))
      throw appError(
        ErrorCode.ReadingInProgress,
        'A reading of this draft is already under way: end it before starting another.',
      );
    throw err;
  }
  await recordDecision({
    draftId: draft._id,
    kind: DecisionKind.READING_STARTED,
    byId: user._id,
    paragraphId: first.id,
    paragraphNumber: first.number,
    detail: round,
    subjectId: reading._id.toHexString(),
    at: now,
  });
  events.emit('reading.changed', { reading, byId: user._id, change: 'started' });
  return reading;
}

/** Moves the reading under way to a paragraph (the Chair goes back, or skips ahead). */
export async function moveReading(
  user: AuthUser,
  draftId: Types.ObjectId,
  paragraphId: string,
  texts: ReadingTexts,
  events: DomainEvents,
): Promise<DraftReadingDoc> {
  const id = parseParagraphId(paragraphId);
  const draft = await draftToRead(user, draftId);
  if (!(await findActiveReading(draft._id))) throw noActiveReading();
  const { paragraph } = paragraphOf(await readableParagraphs(texts, draft._id), id);
  const reading = await DraftReadingModel.findOneAndUpdate(
    { draftId: draft._id, slot: ACTIVE_SLOT },
    { $set: { paragraphId: paragraph.id, paragraphNumber: paragraph.number } },
    { returnDocument: 'after' },
  )
    .lean<DraftReadingDoc>()
    .exec();
  // Ended by someone else meanwhile.
  if (!reading) throw noActiveReading();
  events.emit('reading.changed', { reading, byId: user._id, change: 'moved' });
  return reading;
}

/**
 * Records what the room decided on a paragraph (a later outcome for the same paragraph replaces
 * the earlier one; outcomes recorded at once on different paragraphs all stay) and moves the reading to the paragraph after it; past the last one, the
 * reading stands on no paragraph until it is moved back or ended.
 */
export async function recordReadingOutcome(
  user: AuthUser,
  draftId: Types.ObjectId,
  paragraphId: string,
  outcome: ReadingOutcome,
  texts: ReadingTexts,
  events: DomainEvents,
): Promise<DraftReadingDoc> {
  const id = parseParagraphId(paragraphId);
  const draft = await draftToRead(user, draftId);
  const active = await findActiveReading(draft._id);
  if (!active) throw noActiveReading();
  const paragraphs = await readableParagraphs(texts, draft._id);
  const { paragraph, index } = paragraphOf(paragraphs, id);
  const next = paragraphs[index + 1] ?? null;
  const at = new Date();
  const entry = {
    paragraphNumber: paragraph.number,
    outcome,
    at,
    byId: user._id,
  };
  // The paragraph's status first: refused (the text changed meanwhile), it leaves the reading
  // where it stands for everyone, instead of moved in the database with nobody told.
  await applyOutcomeToParagraph(user, draft, paragraph.id, outcome, texts, events);
  const key = { readingId: active._id, paragraphId: paragraph.id };
  try {
    await ReadingOutcomeModel.create({ ...key, draftId: draft._id, ...entry });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Decided again (the Chair went back to it): the later outcome replaces the earlier.
    await ReadingOutcomeModel.updateOne(key, { $set: entry });
  }
  const reading = await DraftReadingModel.findOneAndUpdate(
    { _id: active._id, slot: ACTIVE_SLOT },
    { $set: { paragraphId: next?.id ?? null, paragraphNumber: next?.number ?? null } },
    { returnDocument: 'after' },
  )
    .lean<DraftReadingDoc>()
    .exec();
  // Ended meanwhile (a race of a moment): the outcome stays with the ended reading, but the
  // caller is told the reading is no longer under way, and nothing is announced.
  if (!reading) throw noActiveReading();
  await recordDecision({
    draftId: draft._id,
    kind: DecisionKind.READING_OUTCOME,
    byId: user._id,
    paragraphId: paragraph.id,
    paragraphNumber: paragraph.number,
    detail: outcome,
    text: paragraph.text.slice(0, DECISION_TEXT_LENGTH),
    subjectId: reading._id.toHexString(),
    at,
  });
  events.emit('reading.changed', { reading, byId: user._id, change: 'outcome' });
  return reading;
}

export async function endReading(
  user: AuthUser,
  draftId: Types.ObjectId,
  events: DomainEvents,
): Promise<DraftReadingDoc> {
  const draft = await draftToRead(user, draftId);
  const active = await findActiveReading(draft._id);
  if (!active) throw noActiveReading();
  const at = new Date();
  // Giving up the active slot frees it for the next reading.
  const reading = await DraftReadingModel.findOneAndUpdate(
    { _id: active._id, slot: ACTIVE_SLOT },
    {
      $set: {
        state: ReadingState.ENDED,
        slot: active._id.toHexString(),
        endedById: user._id,
        endedAt: at,
      },
    },
    { returnDocument: 'after' },
  )
    .lean<DraftReadingDoc>()
    .exec();
  if (!reading) throw noActiveReading();
  await recordDecision({
    draftId: draft._id,
    kind: DecisionKind.READING_ENDED,
    byId: user._id,
    detail: reading.round,
    subjectId: reading._id.toHexString(),
    at,
  });
  events.emit('reading.changed', { reading, byId: user._id, change: 'ended' });
  return reading;
}
