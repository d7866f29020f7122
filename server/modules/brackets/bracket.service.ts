import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import {
  BRACKET_ID,
  BRACKET_MARK,
  countOpenBrackets,
  type DocumentBracket,
  readBrackets,
} from '../../core/document-brackets';
import { appError, badInput, draftLocked, ErrorCode, underSilence } from '../../core/errors';
import { claimDecision, releaseDecision } from '../decisions/claim.service';
import { recordDecision } from '../decisions/decision.service';
import { DecisionKind } from '../decisions/decision-kind';
import { type DraftDoc, DraftModel } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { findDraft } from '../drafts/draft.service';
import type { DomainEvents } from '../shared/domain-events';
import { type DraftTextPort, docOf } from '../versions/draft-text';
import type { BracketData } from './bracket.data';

/** Longest bracket id accepted from outside (`<24 hex>:<random>`, see BRACKET_ID). */
const MAX_BRACKET_ID = 100;

function present(draftId: Types.ObjectId, b: DocumentBracket): BracketData {
  return {
    id: b.id,
    draftId: draftId.toHexString(),
    text: b.text,
    alternatives: b.alternatives,
    paragraphId: b.paragraphId,
    paragraphNumber: b.paragraphNumber,
    byId: b.userId,
  };
}

/** The open brackets of a draft's stored text, in the order they start. */
export async function listBrackets(
  draftId: Types.ObjectId,
  texts: Pick<DraftTextPort, 'loadState'>,
): Promise<BracketData[]> {
  const doc = docOf((await texts.loadState(draftId)).state);
  try {
    return readBrackets(doc).map((b) => present(draftId, b));
  } finally {
    doc.destroy();
  }
}

export function parseBracketId(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_BRACKET_ID || !BRACKET_ID.test(value))
    throw badInput(
      'bracketId must be the id of a bracket: a user id, a colon and 8 or more letters, digits, - or _.',
      'bracketId',
    );
  return value;
}

/** The formatting attributes of the text at `offset` of a text node, with their stored keys. */
function attributesAt(node: Y.XmlText, offset: number): Record<string, unknown> {
  let at = 0;
  for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (offset < at + length) return { ...(op.attributes ?? {}) };
    at += length;
  }
  return {};
}

/** The stored keys of `marks` among attributes (y-prosemirror may suffix a hash). */
const keysOf = (attrs: Record<string, unknown>, marks: readonly string[]) =>
  Object.keys(attrs).filter((k) => marks.some((m) => k === m || k.startsWith(`${m}--`)));
const bracketKeys = (attrs: Record<string, unknown>) => keysOf(attrs, [BRACKET_MARK]);

/**
 * Marks whose id names their author (brackets, proposals): the chosen text is the decider's, and
 * the server refuses an update setting one of them under someone else's id.
 */
const AUTHORED_MARKS = [BRACKET_MARK, 'insertion', 'deletion', 'modification'];

/**
 * Removes the bracket's marks; the text stays. Last run first, so that Yjs need not restore the
 * bracket after each range (the text after it no longer has it): the update then holds no format
 * with the author's id, which the server would refuse from the decider (checked: only deletions
 * and collected items).
 */
function lift(b: DocumentBracket): void {
  for (const run of [...b.runs].reverse()) {
    const keys = bracketKeys(attributesAt(run.node, run.offset));
    run.node.format(run.offset, run.text.length, Object.fromEntries(keys.map((k) => [k, null])));
  }
}

/**
 * Makes the passage `text`: its runs are deleted (last first, so the offsets of those before
 * stay right) and the text is inserted where the first began, formatted as the first was (bold,
 * italic), less the bracket and any proposal mark.
 */
function replace(b: DocumentBracket, text: string): void {
  const [first] = b.runs;
  const attrs = attributesAt(first.node, first.offset);
  for (const k of keysOf(attrs, AUTHORED_MARKS)) delete attrs[k];
  for (const run of [...b.runs].reverse()) run.node.delete(run.offset, run.text.length);
  if (text) first.node.insert(first.offset, text, attrs);
}

interface Decision {
  kind: DecisionKind;
  /** What was decided, in a few words (the text chosen). */
  detail: (b: DocumentBracket) => string;
  change: (b: DocumentBracket) => void;
  /** Checked against the bracket before the change (e.g. the option exists). */
  check?: (b: DocumentBracket) => void;
}

/**
 * Changes the stored text around one bracket as `user`'s edit: the stored state is loaded into a
 * document, changed with Yjs under a fresh client id, and the difference is sent through the edit
 * path (checked, stored, relayed live, attributed). Then the decision is in the history.
 */
async function decideBracket(
  user: AuthUser,
  draftId: Types.ObjectId,
  bracketId: string,
  decision: Decision,
  texts: Pick<DraftTextPort, 'loadState' | 'applyServerUpdate'>,
  events: DomainEvents,
): Promise<DraftDoc> {
  const draft = await findDraft(draftId);
  // Managers of an adopted draft are told it is locked, not that they may not (decideBrackets,
  // which `can` gives, is both).
  authorize(
    draftPolicy.manage(user, draft),
    'Only the Chair, the Secretariat or the group coordinator may lift brackets or choose an alternative.',
  );
  if (!draftPolicy.decideBrackets(user, draft))
    throw draftPolicy.underSilence(draft) ? underSilence() : draftLocked();
  const doc = docOf((await texts.loadState(draft._id)).state);
  try {
    const bracket = readBrackets(doc).find((b) => b.id === bracketId);
    if (!bracket)
      throw appError(
        ErrorCode.NotFound,
        'This bracket is not in the text any more: it may have been lifted or its passage deleted.',
        { field: 'bracketId' },
      );
    decision.check?.(bracket);
    // Two decisions at once on one bracket would both apply (an option chosen twice is its words
    // twice): the first claim wins, the other is told it is decided.
    const claim = `bracket:${draft._id.toHexString()}:${bracket.id}`;
    if (!(await claimDecision(claim)))
      throw appError(
        ErrorCode.NotFound,
        'This bracket has just been decided by someone else: it is not in the text any more.',
        { field: 'bracketId' },
      );
    const before = Y.encodeStateVector(doc);
    doc.transact(() => decision.change(bracket));
    const update = Y.encodeStateAsUpdate(doc, before);
    let seq: number;
    try {
      seq = await texts.applyServerUpdate(user, draft._id, update);
    } catch (err) {
      await releaseDecision(claim);
      throw err;
    }
    const openBrackets = countOpenBrackets(doc);
    // The dashboard's count follows at once (the activity recorder writes it again later).
    await DraftModel.updateOne(
      { _id: draft._id },
      { $set: { openBrackets } },
      { timestamps: false },
    );
    await recordDecision({
      draftId: draft._id,
      kind: decision.kind,
      byId: user._id,
      paragraphId: bracket.paragraphId,
      paragraphNumber: bracket.paragraphNumber,
      detail: decision.detail(bracket),
      text: bracket.text,
      subjectId: bracket.id,
    });
    events.emit('draft.bracketDecided', {
      draft,
      bracketId: bracket.id,
      kind: decision.kind,
      byId: user._id,
      seq,
    });
    return { ...draft, openBrackets };
  } finally {
    doc.destroy();
  }
}

/** Lifts a bracket: its text stays as it is, without brackets or alternatives. */
export function liftBracket(
  user: AuthUser,
  draftId: Types.ObjectId,
  bracketId: string,
  texts: Pick<DraftTextPort, 'loadState' | 'applyServerUpdate'>,
  events: DomainEvents,
): Promise<DraftDoc> {
  return decideBracket(
    user,
    draftId,
    bracketId,
    { kind: DecisionKind.BRACKET_LIFTED, detail: (b) => b.text, change: lift },
    texts,
    events,
  );
}

/**
 * Makes the passage one of its options (0: the bracketed text, 1…: its alternatives), without
 * brackets.
 */
export function chooseAlternative(
  user: AuthUser,
  draftId: Types.ObjectId,
  bracketId: string,
  option: number,
  texts: Pick<DraftTextPort, 'loadState' | 'applyServerUpdate'>,
  events: DomainEvents,
): Promise<DraftDoc> {
  if (!Number.isInteger(option) || option < 0)
    throw badInput(
      'option must be 0 (the bracketed text) or the number of an alternative.',
      'option',
    );
  const chosen = (b: DocumentBracket) =>
    option === 0 ? b.text : (b.alternatives[option - 1] ?? '');
  return decideBracket(
    user,
    draftId,
    bracketId,
    {
      kind: DecisionKind.ALTERNATIVE_CHOSEN,
      detail: chosen,
      check: (b) => {
        if (option > b.alternatives.length)
          throw badInput(
            `option must be between 0 and ${b.alternatives.length}: this bracket has ${b.alternatives.length} alternative(s).`,
            'option',
          );
      },
      change: (b) => (option === 0 ? lift(b) : replace(b, chosen(b))),
    },
    texts,
    events,
  );
}
