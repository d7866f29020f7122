import * as Y from 'yjs';
import { connectEditor, type Editor } from '../../../test/helpers/editors';
import { buildDraft, buildUser } from '../../../test/helpers/factories';
import { startRedis } from '../../../test/helpers/server-process';
import { startTestPlatform, subscribe, TestPlatform } from '../../../test/helpers/test-platform';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from '../../core/document-blocks';
import { freeLoopbackPort } from '../../db/free-port';
import { createRedisPubSub } from '../../pubsub/redis';
import { Topic } from '../../pubsub/topics';
import { DraftDecisionModel } from '../decisions/decision.model';
import { DecisionKind } from '../decisions/decision-kind';
import { DraftModel } from '../drafts/draft.model';
import { DraftStatus } from '../drafts/draft-status';
import { Role } from '../users/role';
import { DraftReadingModel } from './reading.model';

const READING = `id draftId round state paragraphId paragraphNumber startedAt endedAt
  startedBy { name } endedBy { name }
  outcomes { paragraphId paragraphNumber outcome at by { name } }`;
const START = `mutation($d: ID!, $r: ReadingRound!) { startReading(draftId: $d, round: $r) { ${READING} } }`;
const MOVE = `mutation($d: ID!, $p: ID!) { moveReading(draftId: $d, paragraphId: $p) { ${READING} } }`;
const OUTCOME = `mutation($d: ID!, $p: ID!, $o: ReadingOutcome!) {
  recordReadingOutcome(draftId: $d, paragraphId: $p, outcome: $o) { ${READING} }
}`;
const END = `mutation($d: ID!) { endReading(draftId: $d) { ${READING} } }`;
const DRAFT = `query($d: ID!) { draft(id: $d) {
  can { conductReading } reading { ${READING} } readings { ${READING} }
} }`;
const CHANGED = `subscription($d: ID!) { readingChanged(draftId: $d) { ${READING} } }`;
const CHAIR = 'Chair (demo, Indonesia)';

interface OutcomeView {
  paragraphId: string;
  paragraphNumber: number | null;
  outcome: string;
  at: string;
  by: { name: string } | null;
}
interface ReadingView {
  id: string;
  draftId: string;
  round: string;
  state: string;
  paragraphId: string | null;
  paragraphNumber: number | null;
  startedBy: { name: string } | null;
  endedBy: { name: string } | null;
  endedAt: string | null;
  outcomes: OutcomeView[];
}

/** A block as the editor makes it: `pid` null leaves it without a lasting id (an older draft). */
type Block = { kind: 'paragraph' | 'heading'; pid: string | null; text: string };

/** Writes the blocks into the draft through a raw Yjs client, as an editor's edit. */
async function writeBlocks(editor: Editor, blocks: Block[]): Promise<void> {
  await editor.provider.whenSynced();
  editor.doc.transact(() => {
    const fragment = editor.doc.getXmlFragment(CONTENT_FIELD);
    fragment.push(
      blocks.map((b) => {
        const el = new Y.XmlElement(b.kind);
        if (b.kind === 'heading') el.setAttribute('level', '2' as never);
        if (b.pid) el.setAttribute(PARAGRAPH_ID_ATTR, b.pid);
        el.insert(0, [new Y.XmlText(b.text)]);
        return el;
      }),
    );
  });
  await editor.provider.whenAcknowledged();
}

// Three numbered paragraphs with ids (p1, p2, p4: numbers 1, 2, 4), one heading, one paragraph
// without an id (number 3): the reading goes p1 → p2 → p4.
const BLOCKS: Block[] = [
  { kind: 'heading', pid: 'h1', text: 'Recommendations' },
  { kind: 'paragraph', pid: 'p1', text: 'Calls upon all States to report.' },
  { kind: 'paragraph', pid: 'p2', text: 'Encourages assistance.' },
  { kind: 'paragraph', pid: null, text: 'A paragraph from before ids.' },
  { kind: 'paragraph', pid: 'p4', text: 'Decides to remain seized of the matter.' },
];

describe("a Chair's reading", () => {
  let t: TestPlatform;
  let chair: string;
  const editors: Editor[] = [];
  const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
    res.errors?.[0]?.extensions?.code;

  /** A new draft of group 1 holding BLOCKS (or the given blocks). */
  const draftWith = async (blocks = BLOCKS) => {
    const draftId = await buildDraft(1);
    const editor = connectEditor(t.url, chair, draftId);
    editors.push(editor);
    await writeBlocks(editor, blocks);
    return draftId;
  };
  const ok = async <K extends string>(
    key: K,
    query: string,
    variables: Record<string, unknown>,
    token = chair,
  ): Promise<ReadingView> => {
    const res = await t.gql<Record<K, ReadingView>>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data![key];
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    chair = await t.login('chair@committee.test');
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('is led by the Chair or the group coordinator only: others are refused and told so by can', async () => {
    const draftId = await draftWith();
    const people: [string, string, boolean][] = [
      ['chair', chair, true],
      ['coordinator', (await buildUser(t, [Role.COORDINATOR], [1])).token, true],
      ['coordinator of another group', (await buildUser(t, [Role.COORDINATOR], [2])).token, false],
      ['secretariat', (await buildUser(t, [Role.SECRETARIAT])).token, false],
      ['delegate', (await buildUser(t, [Role.DELEGATE], [1])).token, false],
      ['expert', (await buildUser(t, [Role.EXPERT], [1])).token, false],
      ['observer (a reader)', (await buildUser(t, [Role.OBSERVER], [1])).token, false],
    ];
    for (const [who, token, allowed] of people) {
      const can = await t.gql(DRAFT, { d: draftId }, token);
      expect({ who, can: can.data?.draft.can.conductReading }).toEqual({ who, can: allowed });
      const res = await t.gql(START, { d: draftId, r: 'FIRST' }, token);
      if (allowed) {
        expect({ who, errors: res.errors }).toEqual({ who, errors: undefined });
        await ok('endReading', END, { d: draftId }, token);
      } else {
        expect({ who, code: code(res) }).toEqual({ who, code: 'FORBIDDEN' });
        for (const [q, v] of [
          [MOVE, { d: draftId, p: 'p1' }],
          [OUTCOME, { d: draftId, p: 'p1', o: 'AGREED' }],
          [END, { d: draftId }],
        ] as const)
          expect({ who, code: code(await t.gql(q, v, token)) }).toEqual({ who, code: 'FORBIDDEN' });
      }
    }
    // Everyone may follow it.
    const delegate = (await buildUser(t, [Role.DELEGATE], [1])).token;
    await ok('startReading', START, { d: draftId, r: 'SECOND' });
    const seen = await t.gql(DRAFT, { d: draftId }, delegate);
    expect(seen.data?.draft.reading).toMatchObject({ round: 'SECOND', paragraphId: 'p1' });
  });

  it('reads the numbered paragraphs with ids in order, records each outcome with its time and who, moves, ends, and puts it all in the history', async () => {
    const draftId = await draftWith();
    const before = Date.now();
    const started = await ok('startReading', START, { d: draftId, r: 'FIRST' });
    expect(started).toMatchObject({
      draftId,
      round: 'FIRST',
      state: 'ACTIVE',
      paragraphId: 'p1',
      paragraphNumber: 1,
      startedBy: { name: CHAIR },
      outcomes: [],
    });

    const afterFirst = await ok('recordReadingOutcome', OUTCOME, {
      d: draftId,
      p: 'p1',
      o: 'AGREED',
    });
    expect(afterFirst).toMatchObject({ paragraphId: 'p2', paragraphNumber: 2 });
    expect(afterFirst.outcomes).toEqual([
      {
        paragraphId: 'p1',
        paragraphNumber: 1,
        outcome: 'AGREED',
        at: expect.any(String),
        by: { name: CHAIR },
      },
    ]);
    const at = Date.parse(afterFirst.outcomes[0].at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);

    // The paragraph from before ids (number 3) got one when the reading started: it is read too.
    const second = await ok('recordReadingOutcome', OUTCOME, {
      d: draftId,
      p: 'p2',
      o: 'BRACKETED',
    });
    expect(second).toMatchObject({ paragraphNumber: 3 });
    expect(second.paragraphId).toMatch(/^[A-Za-z0-9_-]+$/);
    const third = await ok('moveReading', MOVE, { d: draftId, p: 'p4' });
    expect(third).toMatchObject({ paragraphId: 'p4', paragraphNumber: 4 });
    // Past the last one: on no paragraph.
    const last = await ok('recordReadingOutcome', OUTCOME, { d: draftId, p: 'p4', o: 'PARKED' });
    expect(last).toMatchObject({ paragraphId: null, paragraphNumber: null, state: 'ACTIVE' });

    // Back to the first paragraph, decided again: the later outcome replaces the earlier.
    expect(await ok('moveReading', MOVE, { d: draftId, p: 'p1' })).toMatchObject({
      paragraphId: 'p1',
      paragraphNumber: 1,
    });
    const again = await ok('recordReadingOutcome', OUTCOME, {
      d: draftId,
      p: 'p1',
      o: 'AGREED_AD_REF',
    });
    expect(again.paragraphId).toBe('p2');
    expect(again.outcomes.map((o) => [o.paragraphId, o.outcome])).toEqual([
      ['p2', 'BRACKETED'],
      ['p4', 'PARKED'],
      ['p1', 'AGREED_AD_REF'],
    ]);

    const ended = await ok('endReading', END, { d: draftId });
    expect(ended).toMatchObject({ state: 'ENDED', endedBy: { name: CHAIR } });
    expect(ended.endedAt).not.toBeNull();
    const view = await t.gql(DRAFT, { d: draftId }, chair);
    expect(view.data?.draft.reading).toBeNull();
    expect(view.data?.draft.readings.map((r: ReadingView) => r.id)).toEqual([started.id]);

    const decisions = await DraftDecisionModel.find({ draftId }).sort({ at: 1, _id: 1 }).lean();
    expect(decisions.map((d) => [d.kind, d.paragraphId, d.paragraphNumber, d.detail])).toEqual([
      [DecisionKind.READING_STARTED, 'p1', 1, 'FIRST'],
      [DecisionKind.READING_OUTCOME, 'p1', 1, 'AGREED'],
      [DecisionKind.READING_OUTCOME, 'p2', 2, 'BRACKETED'],
      [DecisionKind.READING_OUTCOME, 'p4', 4, 'PARKED'],
      [DecisionKind.READING_OUTCOME, 'p1', 1, 'AGREED_AD_REF'],
      [DecisionKind.READING_ENDED, null, null, 'FIRST'],
    ]);
    expect(decisions.every((d) => d.subjectId === started.id)).toBe(true);
    // With the paragraph's words as they were read.
    expect(decisions[1].text).toBe('Calls upon all States to report.');

    // A second reading may start once the first has ended; past readings are newest first.
    const next = await ok('startReading', START, { d: draftId, r: 'SECOND' });
    await ok('endReading', END, { d: draftId });
    const past = await t.gql(DRAFT, { d: draftId }, chair);
    expect(past.data?.draft.readings.map((r: ReadingView) => r.id)).toEqual([next.id, started.id]);
  });

  it('keeps one reading under way per draft, also when several start it at once', async () => {
    const draftId = await draftWith();
    const coordinator = (await buildUser(t, [Role.COORDINATOR], [1])).token;
    const results = await Promise.all(
      [chair, coordinator, chair, coordinator, chair].map((token) =>
        t.gql(START, { d: draftId, r: 'FIRST' }, token),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(code)).toEqual(Array(4).fill('READING_IN_PROGRESS'));
    expect(await DraftReadingModel.countDocuments({ draftId })).toBe(1);
    expect(code(await t.gql(START, { d: draftId, r: 'SECOND' }, chair))).toBe(
      'READING_IN_PROGRESS',
    );

    // Outcomes recorded at the same moment on different paragraphs all stay.
    const recorded = await Promise.all(
      (
        [
          ['p1', 'AGREED', chair],
          ['p2', 'PARKED', coordinator],
          ['p4', 'BRACKETED', chair],
        ] as const
      ).map(([p, o, token]) => t.gql(OUTCOME, { d: draftId, p, o }, token)),
    );
    expect(recorded.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const view = await t.gql<{ draft: { reading: ReadingView } }>(DRAFT, { d: draftId }, chair);
    expect(
      view.data?.draft.reading.outcomes.map((o) => `${o.paragraphId} ${o.outcome}`).sort(),
    ).toEqual(['p1 AGREED', 'p2 PARKED', 'p4 BRACKETED']);
  });

  it('refuses what does not fit: unknown paragraphs, no reading under way, an adopted draft, a draft without paragraphs', async () => {
    const draftId = await draftWith();
    for (const [q, v] of [
      [MOVE, { d: draftId, p: 'p1' }],
      [OUTCOME, { d: draftId, p: 'p1', o: 'AGREED' }],
      [END, { d: draftId }],
    ] as const)
      expect(code(await t.gql(q, v, chair))).toBe('NO_ACTIVE_READING');

    await ok('startReading', START, { d: draftId, r: 'FIRST' });
    // A paragraph the draft does not hold, and a heading (not numbered, not read).
    for (const p of ['nowhere', 'h1']) {
      const moved = await t.gql(MOVE, { d: draftId, p }, chair);
      expect(code(moved)).toBe('NOT_FOUND');
      expect(moved.errors?.[0]?.extensions?.field).toBe('paragraphId');
      expect(code(await t.gql(OUTCOME, { d: draftId, p, o: 'AGREED' }, chair))).toBe('NOT_FOUND');
    }
    for (const p of ['', '   ', 'x'.repeat(101)])
      expect(code(await t.gql(MOVE, { d: draftId, p }, chair))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(OUTCOME, { d: draftId, p: 'p1', o: 'MAYBE' }, chair))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await t.gql(START, { d: 'not-an-id', r: 'FIRST' }, chair))).toBe('BAD_USER_INPUT');
    // Nothing changed.
    const view = await t.gql(DRAFT, { d: draftId }, chair);
    expect(view.data?.draft.reading).toMatchObject({ paragraphId: 'p1', outcomes: [] });

    // Adopted: its text is final, nobody reads it (not even to end a reading left open).
    await DraftModel.updateOne({ _id: draftId }, { status: DraftStatus.ADOPTED });
    const adopted = await t.gql(DRAFT, { d: draftId }, chair);
    expect(adopted.data?.draft.can.conductReading).toBe(false);
    for (const [q, v] of [
      [MOVE, { d: draftId, p: 'p1' }],
      [OUTCOME, { d: draftId, p: 'p1', o: 'AGREED' }],
      [END, { d: draftId }],
    ] as const)
      expect(code(await t.gql(q, v, chair))).toBe('DRAFT_LOCKED');
    await DraftModel.updateOne({ _id: draftId }, { status: DraftStatus.DRAFTING });
    await ok('endReading', END, { d: draftId });
    await DraftModel.updateOne({ _id: draftId }, { status: DraftStatus.ADOPTED });
    expect(code(await t.gql(START, { d: draftId, r: 'FIRST' }, chair))).toBe('DRAFT_LOCKED');

    // Nothing to read: only a heading, or no text at all.
    const old = await draftWith([{ kind: 'heading', pid: 'h', text: 'A heading' }]);
    expect(code(await t.gql(START, { d: old, r: 'FIRST' }, chair))).toBe('NOTHING_TO_READ');
    expect(code(await t.gql(START, { d: await buildDraft(1), r: 'FIRST' }, chair))).toBe(
      'NOTHING_TO_READ',
    );
  });

  it('tells those following the draft of every step, live', async () => {
    const draftId = await draftWith();
    const delegate = (await buildUser(t, [Role.DELEGATE], [1])).token;
    const ws = t.ws(delegate);
    const sub = subscribe<{ readingChanged: ReadingView }>(ws, CHANGED, { d: draftId });
    await t.listening(Topic.ReadingChanged, draftId, 1);
    try {
      await ok('startReading', START, { d: draftId, r: 'FIRST' });
      expect((await sub.next()).readingChanged).toMatchObject({
        state: 'ACTIVE',
        paragraphId: 'p1',
        startedBy: { name: CHAIR },
      });
      await ok('recordReadingOutcome', OUTCOME, { d: draftId, p: 'p1', o: 'AGREED' });
      const recorded = (await sub.next()).readingChanged;
      expect(recorded).toMatchObject({ paragraphId: 'p2', paragraphNumber: 2 });
      expect(recorded.outcomes).toMatchObject([{ paragraphId: 'p1', outcome: 'AGREED' }]);
      await ok('moveReading', MOVE, { d: draftId, p: 'p4' });
      expect((await sub.next()).readingChanged).toMatchObject({ paragraphId: 'p4' });
      await ok('endReading', END, { d: draftId });
      expect((await sub.next()).readingChanged).toMatchObject({ state: 'ENDED' });
    } finally {
      sub.dispose();
      await ws.dispose();
    }
  });
});

describe('a reading reaches the other instances (through Redis)', () => {
  let redis: { url: string; stop(): Promise<void> };
  let t: TestPlatform;
  let editor: Editor;
  beforeAll(async () => {
    redis = await startRedis(await freeLoopbackPort());
    t = await startTestPlatform({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await editor?.close();
    await t.stop();
    await redis.stop();
  });

  it('publishes each step where another instance hears it', async () => {
    const chair = await t.login('chair@committee.test');
    const draftId = await buildDraft(1);
    editor = connectEditor(t.url, chair, draftId);
    await writeBlocks(editor, BLOCKS);
    // Another instance's pub/sub, on the same Redis.
    const other = await createRedisPubSub(redis.url);
    const heard: { draftId: string; readingId: string }[] = [];
    const stop = other.listen(Topic.ReadingChanged, draftId, (e) => heard.push(e));
    try {
      // Let the other instance's Redis subscription take effect before publishing.
      await new Promise((r) => setTimeout(r, 300));
      const res = await t.gql(
        `mutation($d: ID!) { startReading(draftId: $d, round: FIRST) { id } }`,
        { d: draftId },
        chair,
      );
      expect(res.errors).toBeUndefined();
      const deadline = Date.now() + 5000;
      while (heard.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual([{ draftId, readingId: res.data?.startReading.id }]);
    } finally {
      stop();
      await other.close();
    }
  });
});
