import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { isDuplicateKey } from '../../core/duplicate-key';
import { appError, badInput, draftLocked, ErrorCode, underSilence } from '../../core/errors';
import { DraftDecisionModel } from '../decisions/decision.model';
import { recordDecision } from '../decisions/decision.service';
import { DecisionKind } from '../decisions/decision-kind';
import { DelegationModel } from '../delegations/delegation.model';
import { type DraftDoc, DraftModel } from '../drafts/draft.model';
import { findDraft } from '../drafts/draft.service';
import { DraftStatus } from '../drafts/draft-status';
import type { DomainEvents } from '../shared/domain-events';
import type { DraftTextPort } from '../versions/draft-text';
import { freezeVersion } from '../versions/version.service';
import { SILENCE_LABEL } from '../versions/version-labels';
import {
  ACTIVE_SLOT,
  type SilenceBreakDoc,
  SilenceBreakModel,
  type SilenceOutcomeDoc,
  SilenceOutcomeModel,
  type SilenceProcedureDoc,
  SilenceProcedureModel,
} from './silence.model';
import { silencePolicy } from './silence.policy';
import { type SilenceEnd, SilenceState } from './silence-state';

/** Longest statement breaking silence (a page or two of a letter). */
export const MAX_STATEMENT_LENGTH = 10_000;
/** The nearest deadline accepted: a text needs at least a moment in circulation. */
const MIN_SILENCE_MS = 1_000;
/** The farthest deadline accepted. */
const MAX_SILENCE_MS = 366 * 24 * 3_600_000;
/**
 * An outcome claimed this long ago and still not carried out was left by a crash (carrying one
 * out takes milliseconds): another instance, or this one after a restart, carries it out.
 */
export const RECOVERY_GRACE_MS = 5_000;
/** Label of the version frozen when a text is circulated. */

/**
 * What the silence procedure needs of the co-editing core: the stored text (to freeze it), and
 * its edit check told at once that the text is locked, before the version is read.
 */
export type SilenceTexts = Pick<DraftTextPort, 'loadState'> & {
  statusChanged(draft: DraftDoc): void;
  /** Resolves once the edits accepted before the lock (on this instance) are stored. */
  editsSettled(draftId: string): Promise<void>;
};

/** The draft's current procedure, or its last one; null if it never had one. */
export function findCurrentSilence(draftId: Types.ObjectId): Promise<SilenceProcedureDoc | null> {
  return SilenceProcedureModel.findOne({ draftId })
    .sort({ startedAt: -1, _id: -1 })
    .lean<SilenceProcedureDoc>()
    .exec();
}

export function findSilence(id: Types.ObjectId): Promise<SilenceProcedureDoc | null> {
  return SilenceProcedureModel.findById(id).lean<SilenceProcedureDoc>().exec();
}

/** The statements breaking silence, first first. */
export function listBreaks(procedureId: Types.ObjectId): Promise<SilenceBreakDoc[]> {
  return SilenceBreakModel.find({ procedureId })
    .sort({ at: 1, _id: 1 })
    .lean<SilenceBreakDoc[]>()
    .exec();
}

export function parseUntil(until: Date, now = Date.now()): Date {
  const at = until instanceof Date ? until.getTime() : Number.NaN;
  if (!Number.isFinite(at)) throw badInput('until must be a date and time.', 'until');
  if (at < now + MIN_SILENCE_MS)
    throw badInput('until must be in the future: the deadline of the silence.', 'until');
  if (at > now + MAX_SILENCE_MS) throw badInput('until must be within a year from now.', 'until');
  return new Date(at);
}

export function parseStatement(statement: string): string {
  const text = statement.trim();
  if (!text)
    throw badInput(
      'statement must say why your delegation breaks silence: it is read by all.',
      'statement',
    );
  if (text.length > MAX_STATEMENT_LENGTH)
    throw badInput(
      `statement must be at most ${MAX_STATEMENT_LENGTH} characters long.`,
      'statement',
    );
  return text;
}

const alreadyUnderSilence = (until: Date | null | undefined) =>
  underSilence(
    `This draft is already under the silence procedure${until ? ` until ${until.toISOString()}` : ''}.`,
  );

/**
 * Circulates the draft under the silence procedure until `until`: the text is locked (every
 * instance's edit check refuses edits with UNDER_SILENCE), frozen as the next numbered version,
 * and adopted at the deadline unless a delegation breaks silence or the Chair withdraws it.
 */
export async function startSilence(
  user: AuthUser,
  draftId: Types.ObjectId,
  until: Date,
  texts: SilenceTexts,
  events: DomainEvents,
): Promise<SilenceProcedureDoc> {
  const draft = await findDraft(draftId);
  authorize(
    silencePolicy.mayStart(user),
    'Only the Chair or the Secretariat may circulate a draft under the silence procedure.',
  );
  if (draft.status === DraftStatus.ADOPTED)
    throw draftLocked('This draft has already been adopted: there is nothing to circulate.');
  if (draft.silenceProcedureId) throw alreadyUnderSilence(draft.silenceUntil);
  const deadline = parseUntil(until);
  const startedAt = new Date();
  let procedure: SilenceProcedureDoc;
  try {
    // The unique (draft, slot) index decides between two starts at once.
    procedure = (
      await SilenceProcedureModel.create({
        draftId,
        state: SilenceState.UNDER_SILENCE,
        slot: ACTIVE_SLOT,
        until: deadline,
        startedById: user._id,
        startedAt,
      })
    ).toObject() as SilenceProcedureDoc;
  } catch (err) {
    if (isDuplicateKey(err)) throw alreadyUnderSilence(null);
    throw err;
  }
  // Locks the text; adoption meanwhile (a conditional update may let it through: it is then
  // adopted and under silence at once, and the deadline settles it as adopted) is refused here.
  const locked = await DraftModel.findOneAndUpdate(
    { _id: draftId, status: mongoose.trusted({ $ne: DraftStatus.ADOPTED }) },
    {
      $set: {
        silenceProcedureId: procedure._id,
        silenceUntil: deadline,
        silenceChangedAt: startedAt,
      },
    },
    { returnDocument: 'after' },
  ).lean<DraftDoc>();
  if (!locked) {
    await SilenceProcedureModel.deleteOne({ _id: procedure._id });
    throw draftLocked('This draft was adopted meanwhile: there is nothing to circulate.');
  }
  // This instance refuses edits from now on; others hear it through the event's processor.
  texts.statusChanged(locked);
  // Edits that passed the check just before are stored before the text is frozen. (One on its
  // way on another instance, before that instance hears of the lock, may still land after it:
  // the race the edit gate documents for adoption.)
  await texts.editsSettled(draftId.toHexString());
  const version = await freezeVersion(locked, user._id, SILENCE_LABEL, texts);
  await SilenceProcedureModel.updateOne(
    { _id: procedure._id },
    { $set: { versionId: version._id } },
  );
  procedure.versionId = version._id;
  await recordDecision({
    draftId,
    kind: DecisionKind.SILENCE_STARTED,
    byId: user._id,
    detail: deadline.toISOString(),
    subjectId: procedure._id.toHexString(),
    at: startedAt,
  });
  events.emit('silence.changed', {
    draftId,
    procedureId: procedure._id,
    change: 'started',
    until: deadline,
    byId: user._id,
    delegationId: null,
  });
  return procedure;
}

const noSilence = (message: string) => appError(ErrorCode.NoSilence, message);

/** Why a procedure can no longer be broken or withdrawn, in a person's words. */
function endedMessage(state: SilenceState | string): string {
  switch (state) {
    case SilenceState.ADOPTED:
      return 'The silence procedure has ended: the draft was adopted at the deadline.';
    case SilenceState.WITHDRAWN:
      return 'The silence procedure has ended: the Chair withdrew the draft.';
    default:
      return 'No silence procedure is under way on this draft.';
  }
}

/**
 * A delegation breaks silence with a written statement, before the deadline: the silence ends at
 * once (the first break claims the procedure's outcome) and the draft returns to negotiation.
 * Another delegation may still put its own statement beside it until the deadline.
 */
export async function breakSilence(
  user: AuthUser,
  draftId: Types.ObjectId,
  statement: string,
  events: DomainEvents,
): Promise<SilenceProcedureDoc> {
  await findDraft(draftId);
  authorize(
    silencePolicy.mayBreak(user),
    'Only a delegate may break silence, in the name of their delegation.',
  );
  const text = parseStatement(statement);
  const delegationId = user.delegationId as Types.ObjectId;
  const procedure = await findCurrentSilence(draftId);
  if (!procedure) throw noSilence(endedMessage(''));
  const now = new Date();
  if (now.getTime() >= procedure.until.getTime())
    throw noSilence(
      procedure.state === SilenceState.UNDER_SILENCE || procedure.state === SilenceState.ADOPTED
        ? 'The deadline of the silence procedure has passed: the draft is adopted.'
        : endedMessage(procedure.state),
    );
  if (procedure.state === SilenceState.UNDER_SILENCE) {
    const claimed = await claimOutcome({
      procedureId: procedure._id,
      draftId,
      state: SilenceState.BROKEN,
      byId: user._id,
      delegationId,
      statement: text,
      at: now,
    });
    if (claimed) {
      await completeOutcome(claimed, events);
      return (await findSilence(procedure._id)) ?? procedure;
    }
  }
  // Broken already (by another delegation, maybe at this very moment): this statement joins it.
  const outcome = await SilenceOutcomeModel.findOne({ procedureId: procedure._id }).lean();
  if (outcome && outcome.state !== SilenceState.BROKEN)
    throw noSilence(endedMessage(outcome.state));
  if (!outcome && procedure.state !== SilenceState.BROKEN)
    throw noSilence(endedMessage(procedure.state));
  try {
    await SilenceBreakModel.create({
      procedureId: procedure._id,
      delegationId,
      byId: user._id,
      statement: text,
      at: now,
    });
  } catch (err) {
    if (isDuplicateKey(err))
      throw appError(ErrorCode.Conflict, 'Your delegation has already broken this silence.');
    throw err;
  }
  await recordBreak(procedure, user._id, delegationId, text, now);
  events.emit('silence.changed', {
    draftId,
    procedureId: procedure._id,
    change: 'broken',
    until: procedure.until,
    byId: user._id,
    delegationId,
  });
  return (await findSilence(procedure._id)) ?? procedure;
}

/** The Chair withdraws the text from the procedure before the deadline: it is unlocked, not adopted. */
export async function withdrawSilence(
  user: AuthUser,
  draftId: Types.ObjectId,
  events: DomainEvents,
): Promise<SilenceProcedureDoc> {
  await findDraft(draftId);
  authorize(
    silencePolicy.mayWithdraw(user),
    'Only the Chair may withdraw a draft from the silence procedure.',
  );
  const procedure = await findCurrentSilence(draftId);
  if (!procedure || procedure.state !== SilenceState.UNDER_SILENCE)
    throw noSilence(endedMessage(procedure?.state ?? ''));
  const now = new Date();
  if (now.getTime() >= procedure.until.getTime())
    throw noSilence('The deadline of the silence procedure has passed: the draft is adopted.');
  const claimed = await claimOutcome({
    procedureId: procedure._id,
    draftId,
    state: SilenceState.WITHDRAWN,
    byId: user._id,
    delegationId: null,
    statement: '',
    at: now,
  });
  if (!claimed) {
    const outcome = await SilenceOutcomeModel.findOne({ procedureId: procedure._id }).lean();
    throw noSilence(
      endedMessage(outcome?.state === SilenceState.BROKEN ? '' : (outcome?.state ?? '')),
    );
  }
  await completeOutcome(claimed, events);
  return (await findSilence(procedure._id)) ?? procedure;
}

/**
 * The deadline of a procedure: adopted, unless it was broken or withdrawn first. Called by every
 * instance's timer and by each instance at start for deadlines passed while it was down; the
 * outcome's unique insert lets exactly one of them adopt. An outcome left half carried out by a
 * crash is carried out here. Returns what the procedure ended in, or null before its deadline.
 */
export async function settleDeadline(
  procedureId: Types.ObjectId,
  events: DomainEvents,
  now = new Date(),
): Promise<SilenceEnd | null> {
  const procedure = await findSilence(procedureId);
  if (!procedure) return null;
  if (procedure.state === SilenceState.UNDER_SILENCE && now.getTime() < procedure.until.getTime()) {
    return null;
  }
  if (procedure.state === SilenceState.UNDER_SILENCE) {
    const claimed = await claimOutcome({
      procedureId,
      draftId: procedure.draftId,
      state: SilenceState.ADOPTED,
      byId: null,
      delegationId: null,
      statement: '',
      // Adopted on its deadline, whenever the server got to it.
      at: procedure.until,
    });
    if (claimed) {
      await completeOutcome(claimed, events);
      return SilenceState.ADOPTED;
    }
  }
  const outcome = await SilenceOutcomeModel.findOne({ procedureId }).lean<SilenceOutcomeDoc>();
  if (!outcome) return procedure.state as SilenceEnd;
  if (!outcome.completedAt && now.getTime() - claimedAt(outcome) >= RECOVERY_GRACE_MS)
    await completeOutcome(outcome, events);
  return outcome.state as SilenceEnd;
}

/** When the outcome was claimed (its id's time: `at` is the deadline for an adoption). */
const claimedAt = (outcome: SilenceOutcomeDoc) => outcome._id.getTimestamp().getTime();

/**
 * Settles every deadline passed (an instance starting after one settles it) and carries out the
 * outcomes a crash left half done; returns the procedures under way, for the timers.
 */
export async function settleDue(
  events: DomainEvents,
  now = new Date(),
): Promise<Pick<SilenceProcedureDoc, '_id' | 'until'>[]> {
  const underWay = await SilenceProcedureModel.find(
    { state: SilenceState.UNDER_SILENCE },
    { _id: 1, until: 1 },
  ).lean<Pick<SilenceProcedureDoc, '_id' | 'until'>[]>();
  const pending: Pick<SilenceProcedureDoc, '_id' | 'until'>[] = [];
  for (const p of underWay) {
    const outcome = await SilenceOutcomeModel.exists({ procedureId: p._id });
    if (p.until.getTime() <= now.getTime() || outcome) await settleDeadline(p._id, events, now);
    else pending.push(p);
  }
  // Outcomes whose procedure moved on but whose draft, history or event a crash left out.
  const unfinished = await SilenceOutcomeModel.find({ completedAt: null }).lean<
    SilenceOutcomeDoc[]
  >();
  for (const outcome of unfinished)
    if (now.getTime() - claimedAt(outcome) >= RECOVERY_GRACE_MS)
      await completeOutcome(outcome, events);
  return pending;
}

/** Takes the procedure's outcome: the record, or null when another outcome was taken first. */
async function claimOutcome(
  data: Omit<SilenceOutcomeDoc, '_id' | 'completedAt'>,
): Promise<SilenceOutcomeDoc | null> {
  try {
    return (
      await SilenceOutcomeModel.create({ ...data, completedAt: null })
    ).toObject() as SilenceOutcomeDoc;
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

async function recordBreak(
  procedure: Pick<SilenceProcedureDoc, '_id' | 'draftId'>,
  byId: Types.ObjectId,
  delegationId: Types.ObjectId,
  statement: string,
  at: Date,
): Promise<void> {
  const delegation = await DelegationModel.findById(delegationId, { name: 1 }).lean();
  await recordDecision({
    draftId: procedure.draftId,
    kind: DecisionKind.SILENCE_BROKEN,
    byId,
    // The history words it; the delegation's English name is how the Committee's records name it.
    detail: delegation?.name?.en ?? '',
    text: statement,
    subjectId: procedure._id.toHexString(),
    at,
  });
}

const KIND_OF: Record<SilenceEnd, DecisionKind> = {
  [SilenceState.ADOPTED]: DecisionKind.SILENCE_ADOPTED,
  [SilenceState.BROKEN]: DecisionKind.SILENCE_BROKEN,
  [SilenceState.WITHDRAWN]: DecisionKind.SILENCE_WITHDRAWN,
};

const CHANGE_OF = {
  [SilenceState.ADOPTED]: 'adopted',
  [SilenceState.BROKEN]: 'broken',
  [SilenceState.WITHDRAWN]: 'withdrawn',
} as const;

/**
 * The draft's status once a procedure ended: adopted; after a break, back in negotiation (in
 * review, or still drafting); after a withdrawal, as it was.
 */
function statusAfter(end: SilenceEnd, status: DraftStatus): DraftStatus {
  if (end === SilenceState.ADOPTED) return DraftStatus.ADOPTED;
  if (end === SilenceState.BROKEN && status === DraftStatus.AGREED) return DraftStatus.IN_REVIEW;
  return status;
}

/**
 * Carries out a claimed outcome: the procedure's state, the break's statement, the draft unlocked
 * with its new status, the history, the events. Every step can be run again (after a crash
 * between the claim and here): each writes only what is not yet written, and the events go out
 * with the step that unlocked the draft.
 */
async function completeOutcome(outcome: SilenceOutcomeDoc, events: DomainEvents): Promise<void> {
  const end = outcome.state as SilenceEnd;
  const procedureId = outcome.procedureId;
  await SilenceProcedureModel.updateOne(
    { _id: procedureId, state: SilenceState.UNDER_SILENCE },
    {
      $set: {
        state: end,
        slot: procedureId.toHexString(),
        endedAt: outcome.at,
        endedById: outcome.byId,
      },
    },
  );
  const procedure = await findSilence(procedureId);
  if (!procedure) return;
  if (end === SilenceState.BROKEN && outcome.delegationId && outcome.byId) {
    try {
      await SilenceBreakModel.create({
        procedureId,
        delegationId: outcome.delegationId,
        byId: outcome.byId,
        statement: outcome.statement,
        at: outcome.at,
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  const kind = KIND_OF[end];
  const subjectId = procedureId.toHexString();
  if (!(await DraftDecisionModel.exists({ draftId: outcome.draftId, kind, subjectId }))) {
    if (end === SilenceState.BROKEN && outcome.delegationId && outcome.byId)
      await recordBreak(
        procedure,
        outcome.byId,
        outcome.delegationId,
        outcome.statement,
        outcome.at,
      );
    else
      await recordDecision({
        draftId: outcome.draftId,
        kind,
        // Adoption at the deadline is nobody's act now: the history names who circulated the text.
        byId: outcome.byId ?? procedure.startedById,
        detail: procedure.until.toISOString(),
        subjectId,
        at: outcome.at,
      });
  }
  const draft = await findDraft(outcome.draftId);
  const from = draft.status as DraftStatus;
  const to = statusAfter(end, from);
  const at = new Date();
  const statusById = outcome.byId ?? procedure.startedById;
  // Only from the lock of this procedure: run again, it finds the lock gone and changes nothing.
  const unlocked = await DraftModel.findOneAndUpdate(
    { _id: outcome.draftId, silenceProcedureId: procedureId },
    {
      $set: {
        silenceProcedureId: null,
        silenceUntil: null,
        silenceChangedAt: at,
        ...(to !== from ? { status: to, statusChangedAt: at, statusChangedById: statusById } : {}),
      },
      ...(to !== from
        ? { $push: { statusHistory: { status: to, previousStatus: from, at, byId: statusById } } }
        : {}),
    },
    { returnDocument: 'after' },
  ).lean<DraftDoc>();
  await SilenceOutcomeModel.updateOne({ _id: outcome._id }, { $set: { completedAt: at } });
  if (!unlocked) return;
  events.emit('silence.changed', {
    draftId: outcome.draftId,
    procedureId,
    change: CHANGE_OF[end],
    until: procedure.until,
    byId: outcome.byId ?? null,
    delegationId: outcome.delegationId ?? null,
  });
  // The status change is announced as any other (dashboards, the edit check, the adopted
  // version frozen by the versions processor, notifications of the status).
  if (to !== from)
    events.emit('draft.statusChanged', {
      draft: unlocked,
      byId: statusById,
      from,
      to,
      bySilence: true,
    });
}
