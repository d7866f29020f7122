import mongoose, { type Types } from 'mongoose';
import type * as Y from 'yjs';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { isDuplicateKey } from '../../core/duplicate-key';
import { appError, ErrorCode } from '../../core/errors';
import { claimDecision, releaseDecision } from '../decisions/claim.service';
import { recordDecision } from '../decisions/decision.service';
import { DecisionKind } from '../decisions/decision-kind';
import { DraftModel } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { findDraft } from '../drafts/draft.service';
import type { DomainEvents } from '../shared/domain-events';
import { UserModel } from '../users/user.model';
import { type DraftTextPort, docOf } from '../versions/draft-text';
import { type ProposalDoc, ProposalModel } from './proposal.model';
import { proposalPolicy } from './proposal.policy';
import { decisionUpdate, readProposals } from './proposal-document';
import { ProposalStatus } from './proposal-status';

const inIds = (ids: readonly Types.ObjectId[]) => mongoose.trusted({ $in: ids });

export async function findProposal(id: Types.ObjectId): Promise<ProposalDoc> {
  const p = await ProposalModel.findById(id).lean<ProposalDoc>();
  if (!p)
    throw appError(ErrorCode.NotFound, `Proposal ${id.toHexString()} does not exist.`, {
      field: 'proposalId',
    });
  return p;
}

/** A decided or withdrawn proposal is no longer there to decide or support: NOT_FOUND, a code. */
function assertOpen(p: ProposalDoc): void {
  if (p.status !== ProposalStatus.OPEN)
    throw appError(
      ErrorCode.NotFound,
      p.status === ProposalStatus.WITHDRAWN
        ? 'This proposal is no longer in the text.'
        : `This proposal has already been ${p.status === ProposalStatus.ACCEPTED ? 'accepted' : 'rejected'}.`,
      { field: 'proposalId', status: p.status },
    );
}

/** Writes the draft's count of open proposals when it changed; true if it did. */
async function refreshOpenCount(draftId: Types.ObjectId): Promise<boolean> {
  const open = await ProposalModel.countDocuments({ draftId, status: ProposalStatus.OPEN });
  const res = await DraftModel.updateOne(
    { _id: draftId, openProposals: mongoose.trusted({ $ne: open }) },
    { $set: { openProposals: open } },
    { timestamps: false },
  );
  return res.modifiedCount > 0;
}

/**
 * Brings the draft's proposal records in line with its document: a proposal found in the text
 * gets a record (its author and delegation from the mark's id), the copy of its words follows the
 * text, one gone without a decision is withdrawn (and open again if an undo brings it back).
 * Emits `proposal.changed` when anything a list or a dashboard shows changed.
 */
export async function syncProposals(
  draftId: Types.ObjectId,
  doc: Y.Doc,
  events: DomainEvents,
): Promise<{ changed: boolean; inText: number }> {
  const found = readProposals(doc);
  const records = await ProposalModel.find({ draftId }).lean<ProposalDoc[]>();
  const byMark = new Map(records.map((r) => [r.markId, r]));
  const newAuthors = found
    .filter((p) => !byMark.has(p.markId) && p.authorId)
    .map((p) => p.authorId as Types.ObjectId);
  const authors = newAuthors.length
    ? await UserModel.find({ _id: inIds(newAuthors) }, { delegationId: 1 }).lean()
    : [];
  const delegationOf = new Map(authors.map((u) => [u._id.toHexString(), u.delegationId ?? null]));
  let changed = false;
  const seen = new Set<string>();
  for (const p of found) {
    seen.add(p.markId);
    const copy = {
      kind: p.kind,
      inserted: p.inserted,
      deleted: p.deleted,
      paragraphId: p.block.id,
      paragraphNumber: p.block.number,
    };
    const r = byMark.get(p.markId);
    if (!r) {
      try {
        await ProposalModel.create({
          draftId,
          markId: p.markId,
          authorId: p.authorId,
          delegationId: p.authorId ? (delegationOf.get(p.authorId.toHexString()) ?? null) : null,
          ...copy,
        });
        changed = true;
      } catch (err) {
        // Another sync (another instance, a read) recorded it meanwhile.
        if (!isDuplicateKey(err)) throw err;
      }
      continue;
    }
    const reopened = r.status === ProposalStatus.WITHDRAWN;
    const differs = (Object.keys(copy) as (keyof typeof copy)[]).some((k) => r[k] !== copy[k]);
    if (!reopened && !differs) continue;
    // A decided proposal keeps the words it was decided on.
    if (r.status === ProposalStatus.ACCEPTED || r.status === ProposalStatus.REJECTED) continue;
    await ProposalModel.updateOne(
      { _id: r._id },
      { $set: { ...copy, ...(reopened ? { status: ProposalStatus.OPEN } : {}) } },
    );
    changed = true;
  }
  const gone = records.filter((r) => r.status === ProposalStatus.OPEN && !seen.has(r.markId));
  if (gone.length) {
    await ProposalModel.updateMany(
      { _id: inIds(gone.map((r) => r._id)), status: ProposalStatus.OPEN },
      { $set: { status: ProposalStatus.WITHDRAWN } },
    );
    changed = true;
  }
  if (changed) {
    await refreshOpenCount(draftId);
    events.emit('proposal.changed', {
      draftId: draftId.toHexString(),
      proposalId: null,
      change: 'synced',
    });
  }
  return { changed, inText: found.length };
}

/** The records of a draft's proposals without reading its text (kept by the tracker): open ones in text order, then decided ones, latest first. */
export async function proposalRecords(draftId: Types.ObjectId): Promise<ProposalDoc[]> {
  const records = await ProposalModel.find({
    draftId,
    status: mongoose.trusted({ $ne: ProposalStatus.WITHDRAWN }),
  }).lean<ProposalDoc[]>();
  const rank = (p: ProposalDoc) => (p.status === ProposalStatus.OPEN ? 0 : 1);
  return records.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0
        ? (a.paragraphNumber ?? 1e9) - (b.paragraphNumber ?? 1e9) ||
          a.createdAt.getTime() - b.createdAt.getTime()
        : (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0)),
  );
}

/** The draft's proposals as its stored text holds them now (synced first). */
export async function listProposals(
  draftId: Types.ObjectId,
  texts: Pick<DraftTextPort, 'loadState'>,
  events: DomainEvents,
): Promise<ProposalDoc[]> {
  const { state } = await texts.loadState(draftId);
  const doc = docOf(state);
  try {
    await syncProposals(draftId, doc, events);
  } finally {
    doc.destroy();
  }
  return proposalRecords(draftId);
}

/** A delegation supports (or objects to) a proposal; its last position counts. */
export async function supportProposal(
  user: AuthUser,
  proposalId: Types.ObjectId,
  support: boolean,
  events: DomainEvents,
): Promise<ProposalDoc> {
  const proposal = await findProposal(proposalId);
  assertOpen(proposal);
  const draft = await findDraft(proposal.draftId);
  authorize(
    draftPolicy.supportProposal(user, draft),
    'Only a delegate, for their delegation, may support or object to a proposal on this draft.',
  );
  authorize(
    proposalPolicy.support(user, draft, proposal),
    'A delegation cannot support or object to its own proposal.',
  );
  const delegationId = user.delegationId as Types.ObjectId;
  const position = { delegationId, byId: user._id, support, at: new Date() };
  // One position per delegation: the previous one is replaced, in one conditional write.
  const others = proposal.positions.filter((p) => !p.delegationId.equals(delegationId));
  const updated = await ProposalModel.findOneAndUpdate(
    { _id: proposalId, status: ProposalStatus.OPEN },
    { $set: { positions: [...others, position] } },
    { returnDocument: 'after' },
  ).lean<ProposalDoc>();
  if (!updated) return supportProposal(user, proposalId, support, events);
  events.emit('proposal.changed', {
    draftId: proposal.draftId.toHexString(),
    proposalId,
    change: 'position',
  });
  return updated;
}

/**
 * Accepts (the proposal becomes text) or rejects (it goes) a proposal: the change is made on the
 * stored document by the server and sent as the decider's edit (checked, stored, relayed to every
 * open editor, attributed), then recorded in the draft's history.
 */
export async function decideProposal(
  user: AuthUser,
  proposalId: Types.ObjectId,
  accept: boolean,
  texts: Pick<DraftTextPort, 'loadState' | 'applyServerUpdate'>,
  events: DomainEvents,
): Promise<ProposalDoc> {
  const proposal = await findProposal(proposalId);
  assertOpen(proposal);
  const draft = await findDraft(proposal.draftId);
  authorize(
    draftPolicy.decideProposal(user, draft),
    'Only the Chair, the Secretariat or the group coordinator may accept or reject a proposal.',
  );
  const status = accept ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED;
  const decidedAt = new Date();
  // Claimed first: of two decisions at once, one wins and the other is told it is decided (the
  // unique claim decides; the status update below alone would not on the embedded database).
  const claim = `proposal:${proposalId.toHexString()}`;
  if (!(await claimDecision(claim))) {
    assertOpen(await findProposal(proposalId));
    throw appError(
      ErrorCode.Conflict,
      'Someone is deciding this proposal at this very moment; look again in a moment.',
      { field: 'proposalId' },
    );
  }
  const claimed = await ProposalModel.findOneAndUpdate(
    { _id: proposalId, status: ProposalStatus.OPEN },
    { $set: { status, decidedById: user._id, decidedAt } },
    { returnDocument: 'after' },
  ).lean<ProposalDoc>();
  if (!claimed) assertOpen(await findProposal(proposalId));
  // What is decided is the text as stored now (the record's copy may be a second behind).
  let decided = proposal;
  try {
    const { state } = await texts.loadState(draft._id);
    const doc = docOf(state);
    const inText = readProposals(doc).find((p) => p.markId === proposal.markId);
    doc.destroy();
    if (inText)
      decided = {
        ...proposal,
        kind: inText.kind,
        inserted: inText.inserted,
        deleted: inText.deleted,
        paragraphId: inText.block.id,
        paragraphNumber: inText.block.number,
      };
    const update = inText ? decisionUpdate(state, proposal.markId, accept) : null;
    if (!update) {
      await ProposalModel.updateOne(
        { _id: proposalId },
        { $set: { status: ProposalStatus.WITHDRAWN, decidedById: null, decidedAt: null } },
      );
      await refreshOpenCount(draft._id);
      events.emit('proposal.changed', {
        draftId: draft._id.toHexString(),
        proposalId,
        change: 'synced',
      });
      throw appError(ErrorCode.NotFound, 'This proposal is no longer in the text.', {
        field: 'proposalId',
      });
    }
    await texts.applyServerUpdate(user, draft._id, update);
  } catch (err) {
    await ProposalModel.updateOne(
      { _id: proposalId, status },
      { $set: { status: ProposalStatus.OPEN, decidedById: null, decidedAt: null } },
    );
    await releaseDecision(claim);
    throw err;
  }
  await refreshOpenCount(draft._id);
  await recordDecision({
    draftId: draft._id,
    kind: accept ? DecisionKind.PROPOSAL_ACCEPTED : DecisionKind.PROPOSAL_REJECTED,
    byId: user._id,
    paragraphId: decided.paragraphId,
    paragraphNumber: decided.paragraphNumber,
    detail: decided.kind,
    text: [decided.deleted && `− ${decided.deleted}`, decided.inserted && `+ ${decided.inserted}`]
      .filter(Boolean)
      .join(' '),
    subjectId: proposal._id.toHexString(),
    at: decidedAt,
  });
  events.emit('proposal.changed', {
    draftId: draft._id.toHexString(),
    proposalId,
    change: accept ? 'accepted' : 'rejected',
  });
  // The words decided on are kept with the decision.
  const { kind, inserted, deleted, paragraphId, paragraphNumber } = decided;
  await ProposalModel.updateOne(
    { _id: proposalId },
    { $set: { kind, inserted, deleted, paragraphId, paragraphNumber } },
  );
  return { ...(claimed as ProposalDoc), kind, inserted, deleted, paragraphId, paragraphNumber };
}
