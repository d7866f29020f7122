// The function's own module: the package's index loads all of date-fns (2.4 MiB of heap).
import { addDays } from 'date-fns/addDays';
import mongoose, { type Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { appError, badInput, draftLocked, ErrorCode, underSilence } from '../../core/errors';
import { logger } from '../../logger';
import { recordDecision } from '../decisions/decision.service';
import { DecisionKind } from '../decisions/decision-kind';
import type { DraftDoc } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { findDraft } from '../drafts/draft.service';
import type { DomainEvents } from '../shared/domain-events';
import { docOf } from '../versions/draft-text';
import type { ParagraphData, ParagraphSummary, SetParagraphStatusData } from './paragraph.data';
import { type ParagraphStateDoc, ParagraphStateModel } from './paragraph.model';
import {
  AD_REF_CONFIRM_DAYS,
  LOCKING_STATUSES,
  ParagraphStatus,
  SETTABLE_STATUSES,
} from './paragraph-status';
import {
  missingIdsUpdate,
  type ParagraphBlock,
  type ParagraphTextPort,
  paragraphBlocks,
} from './paragraph-text';

type DraftRef = Pick<DraftDoc, '_id' | 'workingGroupId' | 'status'>;

const PARAGRAPH_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Longest passage kept with a decision (the history shows the paragraph's opening). */
const DECISION_TEXT_LENGTH = 500;

function statesOf(draftId: Types.ObjectId): Promise<ParagraphStateDoc[]> {
  return ParagraphStateModel.find({ draftId }).lean<ParagraphStateDoc[]>().exec();
}

function present(
  draftId: Types.ObjectId,
  block: ParagraphBlock,
  state: ParagraphStateDoc | undefined,
  now: number,
): ParagraphData {
  const stored = (state?.status as ParagraphStatus | undefined) ?? ParagraphStatus.OPEN;
  const status =
    stored === ParagraphStatus.OPEN && block.openBrackets > 0 ? ParagraphStatus.BRACKETED : stored;
  const confirmBy = stored === ParagraphStatus.AGREED_AD_REF ? (state?.confirmBy ?? null) : null;
  return {
    draftId,
    id: block.id,
    number: block.number,
    kind: block.kind,
    text: block.text,
    status,
    confirmBy,
    overdue: confirmBy !== null && confirmBy.getTime() < now,
    openBrackets: block.openBrackets,
    setById: state?.setById ?? null,
    setAt: state?.setAt ?? null,
  };
}

/**
 * The draft's blocks with their ids, after writing the ids of blocks that have none. They are
 * given here, when paragraphs are first needed, rather than by every editor on opening (which
 * would make each reader's visit an edit, and readers may not write) or on every stored update
 * (a read of the document per keystroke): once written they stay. The write is a server update
 * sent through the port as housekeeping by `user` (checked as theirs, relayed live, stored
 * without an author); for someone who may not write, the ids are derived the same way and written
 * by the next person who may.
 */
async function blocksWithIds(
  user: AuthUser | null,
  draft: DraftRef,
  texts: ParagraphTextPort,
  mustWrite: boolean,
): Promise<ParagraphBlock[]> {
  const { state } = await texts.loadState(draft._id);
  const doc = docOf(state);
  try {
    const blocks = paragraphBlocks(doc);
    const update = user && draftPolicy.edit(user, draft) ? missingIdsUpdate(doc, blocks) : null;
    if (update && user) {
      try {
        // Nobody's edit: in no revision, and no one's "changes since your visit".
        await texts.applyServerUpdate(user, draft._id, update, { housekeeping: true });
        Y.applyUpdate(doc, update);
        return paragraphBlocks(doc);
      } catch (err) {
        // A reader's list still shows the derived ids; setting a status needs them written.
        if (mustWrite) throw err;
        logger.warn({ err, draftId: draft._id }, 'paragraph ids not written');
      }
    }
    return blocks;
  } finally {
    doc.destroy();
  }
}

/**
 * Gives every block of the draft its lasting id now, as `user`'s edit (those who start a reading:
 * every paragraph is to be read, a block from before ids included).
 */
export async function ensureParagraphIds(
  user: AuthUser,
  draft: DraftRef,
  texts: ParagraphTextPort,
): Promise<void> {
  await blocksWithIds(user, draft, texts, true);
}

/** Every top-level block of the draft, in order, with its status. */
export async function listParagraphs(
  user: AuthUser | null,
  draft: DraftRef,
  texts: ParagraphTextPort,
): Promise<ParagraphData[]> {
  const [blocks, states] = await Promise.all([
    blocksWithIds(user, draft, texts, false),
    statesOf(draft._id),
  ]);
  const byId = new Map(states.map((s) => [s.paragraphId, s]));
  const now = Date.now();
  return blocks.map((b) => present(draft._id, b, byId.get(b.id), now));
}

/** Ids of the draft's paragraphs whose text is locked (agreed, or agreed ad referendum). */
export async function lockedParagraphIds(draftId: Types.ObjectId): Promise<string[]> {
  const rows = await ParagraphStateModel.find(
    { draftId, status: mongoose.trusted({ $in: LOCKING_STATUSES }) },
    { paragraphId: 1 },
  ).lean();
  return rows.map((r) => r.paragraphId);
}

function parseInput(data: SetParagraphStatusData): SetParagraphStatusData {
  if (typeof data.paragraphId !== 'string' || !PARAGRAPH_ID.test(data.paragraphId))
    throw badInput('paragraphId must be the id of one of the draft’s paragraphs.', 'paragraphId');
  if (!SETTABLE_STATUSES.includes(data.status))
    throw badInput('status must be OPEN, BRACKETED, AGREED_AD_REF, AGREED or PARKED.', 'status');
  if (data.status === ParagraphStatus.AGREED_AD_REF) {
    // Without a date, capitals have the usual time; the paragraph menu shows it and can change it.
    if (data.confirmBy === null || data.confirmBy === undefined)
      return { ...data, confirmBy: addDays(new Date(), AD_REF_CONFIRM_DAYS) };
    if (!(data.confirmBy instanceof Date) || Number.isNaN(data.confirmBy.getTime()))
      throw badInput(
        'A paragraph agreed ad referendum needs the date capitals are to confirm by (confirmBy).',
        'confirmBy',
      );
  } else if (data.confirmBy)
    throw badInput('confirmBy is only for a paragraph agreed ad referendum.', 'confirmBy');
  return data;
}

/**
 * Sets where a paragraph stands (the coordinator, the Chair, the Secretariat; never on an adopted
 * draft). Agreeing it (or agreeing it ad referendum) locks its text at the server for everyone
 * else; the decision goes into the draft's history.
 */
export async function setParagraphStatus(
  user: AuthUser,
  input: SetParagraphStatusData,
  texts: ParagraphTextPort,
  events: DomainEvents,
  /** False when the caller records the decision itself (a reading records its outcome). */
  asDecision = true,
): Promise<ParagraphData> {
  const data = parseInput(input);
  const draft = await findDraft(data.draftId);
  authorize(
    draftPolicy.manage(user, draft),
    'Only the coordinator of this working group, the Chair or the Secretariat may set the status of its paragraphs.',
  );
  if (draftPolicy.locked(draft))
    throw draftPolicy.underSilence(draft) ? underSilence() : draftLocked();
  const blocks = await blocksWithIds(user, draft, texts, true);
  const block = blocks.find((b) => b.id === data.paragraphId);
  if (!block)
    throw appError(
      ErrorCode.NotFound,
      `Paragraph ${data.paragraphId} is not in this draft (it may have been deleted).`,
      { field: 'paragraphId' },
    );
  const setAt = new Date();
  const state = await ParagraphStateModel.findOneAndUpdate(
    { draftId: draft._id, paragraphId: block.id },
    {
      $set: {
        status: data.status,
        confirmBy: data.status === ParagraphStatus.AGREED_AD_REF ? data.confirmBy : null,
        setById: user._id,
        setAt,
      },
    },
    { upsert: true, returnDocument: 'after' },
  ).lean<ParagraphStateDoc>();
  if (asDecision)
    await recordDecision({
      draftId: draft._id,
      kind: DecisionKind.PARAGRAPH_STATUS,
      byId: user._id,
      paragraphId: block.id,
      paragraphNumber: block.number,
      detail:
        data.status === ParagraphStatus.AGREED_AD_REF && data.confirmBy
          ? `${data.status} ${data.confirmBy.toISOString().slice(0, 10)}`
          : data.status,
      text: block.text.slice(0, DECISION_TEXT_LENGTH),
      at: setAt,
    });
  events.emit('paragraph.statusChanged', {
    draft,
    paragraphId: block.id,
    status: data.status,
    byId: user._id,
  });
  return present(draft._id, block, state ?? undefined, Date.now());
}

/** Blocks read from the document, kept a moment: every open dashboard asks on each live change. */
const SUMMARY_TTL_MS = 2000;
const blockCache = new Map<string, { at: number; blocks: Promise<ParagraphBlock[]> }>();

/**
 * Paragraphs agreed (agreed and agreed ad referendum) out of all, and those ad referendum still
 * awaiting confirmation. Headings and empty blocks are not counted: nobody agrees them.
 */
export async function paragraphSummary(
  draftId: Types.ObjectId,
  texts: Pick<ParagraphTextPort, 'loadState'>,
): Promise<ParagraphSummary> {
  const key = draftId.toHexString();
  let cached = blockCache.get(key);
  if (!cached || Date.now() - cached.at > SUMMARY_TTL_MS) {
    const blocks = texts.loadState(draftId).then(({ state }) => {
      const doc = docOf(state);
      const read = paragraphBlocks(doc);
      doc.destroy();
      return read;
    });
    cached = { at: Date.now(), blocks };
    blockCache.set(key, cached);
    blocks.catch(() => blockCache.delete(key));
    if (blockCache.size > 1000) blockCache.delete(blockCache.keys().next().value as string);
  }
  // Statuses are read fresh (one small query), so a status set on any instance shows at once.
  const [blocks, states] = await Promise.all([cached.blocks, statesOf(draftId)]);
  const byId = new Map(states.map((s) => [s.paragraphId, s.status]));
  let total = 0;
  let agreed = 0;
  let adRefPending = 0;
  for (const b of blocks) {
    if (b.kind === 'heading' || b.text.trim() === '') continue;
    total += 1;
    const status = byId.get(b.id);
    if (status === ParagraphStatus.AGREED || status === ParagraphStatus.AGREED_AD_REF) agreed += 1;
    if (status === ParagraphStatus.AGREED_AD_REF) adRefPending += 1;
  }
  return { total, agreed, adRefPending };
}
