import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { isDuplicateKey } from '../../core/duplicate-key';
import { appError, badInput, draftLocked, ErrorCode, underSilence } from '../../core/errors';
import type { DraftDoc } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { findDraft } from '../drafts/draft.service';
import type { DomainEvents } from '../shared/domain-events';
import { loadAttribution } from './attribution';
import { compareTexts, type TextChangeData } from './compare';
import {
  bytesOf,
  type DraftTextPort,
  docOf,
  flattenDoc,
  restoreUpdate,
  textOfState,
} from './draft-text';
import { DraftVersionDoc, DraftVersionModel } from './version.model';

/** Longest label of a version ("Zero draft", "Chair's text", "Revised after the 12 May meeting"). */
export const MAX_LABEL_LENGTH = 120;
/** Label of the version adoption freezes by itself. */
export { ADOPTION_LABEL } from './version-labels';

const MAX_NUMBER_ATTEMPTS = 20;

/** Trimmed; empty is no label; too long is refused with the field named. */
export function parseLabel(label: string | null | undefined): string | null {
  if (label === null || label === undefined) return null;
  const trimmed = label.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > MAX_LABEL_LENGTH)
    throw badInput(`label must be at most ${MAX_LABEL_LENGTH} characters long.`, 'label');
  return trimmed;
}

export function listVersions(draftId: Types.ObjectId): Promise<DraftVersionDoc[]> {
  return DraftVersionModel.find({ draftId }, { state: 0 })
    .sort({ number: 1 })
    .lean<DraftVersionDoc[]>();
}

export function countVersions(draftId: Types.ObjectId): Promise<number> {
  return DraftVersionModel.countDocuments({ draftId });
}

export async function findVersion(
  id: Types.ObjectId,
  field = 'versionId',
): Promise<DraftVersionDoc> {
  const version = await DraftVersionModel.findById(id).lean<DraftVersionDoc>();
  if (!version)
    throw appError(ErrorCode.NotFound, `Version ${id.toHexString()} does not exist.`, { field });
  return version;
}

/**
 * Freezes the stored text as the draft's next number. The number is taken by the insert (unique
 * per draft): when another creation took it meanwhile, the next one is tried.
 */
export async function freezeVersion(
  draft: Pick<DraftDoc, '_id'>,
  byId: Types.ObjectId | null,
  label: string | null,
  texts: Pick<DraftTextPort, 'loadState'>,
): Promise<DraftVersionDoc> {
  const { state, seq } = await texts.loadState(draft._id);
  const text = textOfState(state);
  for (let attempt = 1; ; attempt += 1) {
    const last = await DraftVersionModel.findOne({ draftId: draft._id }, { number: 1 })
      .sort({ number: -1 })
      .lean();
    try {
      const created = await DraftVersionModel.create({
        draftId: draft._id,
        number: (last?.number ?? 0) + 1,
        label,
        state: Buffer.from(state),
        seq,
        text,
        createdById: byId,
        createdAt: new Date(),
      });
      return created.toObject() as DraftVersionDoc;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (attempt >= MAX_NUMBER_ATTEMPTS)
        throw appError(ErrorCode.Conflict, 'Too many versions are being created at once; retry.');
    }
  }
}

export async function createDraftVersion(
  user: AuthUser,
  draftId: Types.ObjectId,
  label: string | null | undefined,
  texts: Pick<DraftTextPort, 'loadState'>,
  events: DomainEvents,
): Promise<DraftVersionDoc> {
  const draft = await findDraft(draftId);
  authorize(
    draftPolicy.createVersion(user, draft),
    'Only the Chair, the Secretariat or the group coordinator may create a version of this draft.',
  );
  const version = await freezeVersion(draft, user._id, parseLabel(label), texts);
  events.emit('draft.versionCreated', { draft, version, byId: user._id });
  return version;
}

/**
 * Makes the text that of the version, as a new change by `user` sent through the edit path (so
 * it is stored, relayed to every open editor and attributed to them); history stays as it was.
 */
export async function restoreDraftVersion(
  user: AuthUser,
  versionId: Types.ObjectId,
  texts: DraftTextPort,
  events: DomainEvents,
): Promise<DraftDoc> {
  const version = await findVersion(versionId);
  const draft = await findDraft(version.draftId);
  authorize(
    draftPolicy.manage(user, draft),
    'Only the Chair, the Secretariat or the group coordinator may restore a version of this draft.',
  );
  if (draftPolicy.locked(draft))
    throw draftPolicy.underSilence(draft) ? underSilence() : draftLocked();
  const { state } = await texts.loadState(draft._id);
  const update = restoreUpdate(state, bytesOf(version.state));
  if (update) {
    const seq = await texts.applyServerUpdate(user, draft._id, update);
    events.emit('draft.versionRestored', { draft, version, byId: user._id, seq });
  }
  return draft;
}

export interface Comparison {
  draftId: Types.ObjectId;
  from: DraftVersionDoc | null;
  to: DraftVersionDoc | null;
  changes: TextChangeData[];
}

async function versionOf(
  draftId: Types.ObjectId,
  id: Types.ObjectId | null,
  field: 'from' | 'to',
): Promise<DraftVersionDoc | null> {
  if (!id) return null;
  const version = await findVersion(id, field);
  if (!version.draftId.equals(draftId))
    throw badInput(`${field} is a version of another draft.`, field);
  return version;
}

/** What changed from one version (null: the current text) to another, word by word, with authors. */
export async function compareDraft(
  draftId: Types.ObjectId,
  fromId: Types.ObjectId | null,
  toId: Types.ObjectId | null,
  texts: Pick<DraftTextPort, 'loadState' | 'attributionRecorded'>,
): Promise<Comparison> {
  await findDraft(draftId);
  if ((fromId === null && toId === null) || (fromId && toId && fromId.equals(toId)))
    throw badInput(
      'from and to are the same text: give two different versions (null is the current text).',
      'to',
    );
  const [from, to] = await Promise.all([
    versionOf(draftId, fromId, 'from'),
    versionOf(draftId, toId, 'to'),
  ]);
  const current = from && to ? null : (await texts.loadState(draftId)).state;
  const stateOf = (v: DraftVersionDoc | null) => (v ? bytesOf(v.state) : (current as Uint8Array));
  return {
    draftId,
    from,
    to,
    changes: await compareStates(draftId, stateOf(from), stateOf(to), texts),
  };
}

/**
 * The changes from one stored state of a draft to another (any two: versions, the current text, a
 * person's last visit), word by word, with who inserted and who deleted each passage.
 */
export async function compareStates(
  draftId: Types.ObjectId,
  fromState: Uint8Array,
  toState: Uint8Array,
  texts: Pick<DraftTextPort, 'attributionRecorded'>,
): Promise<TextChangeData[]> {
  const [fromDoc, toDoc] = [docOf(fromState), docOf(toState)];
  try {
    await texts.attributionRecorded(draftId.toHexString());
    const attribution = await loadAttribution(draftId);
    return compareTexts(flattenDoc(fromDoc), flattenDoc(toDoc), attribution);
  } finally {
    fromDoc.destroy();
    toDoc.destroy();
  }
}
