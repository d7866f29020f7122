import { Types } from 'mongoose';
import * as Y from 'yjs';
import type { RequestError } from '../../../client/src/collab/graphql-request';
import { connectEditor, Editor, until } from '../../../test/helpers/editors';
import { buildDraft, buildUser } from '../../../test/helpers/factories';
import { startRedis } from '../../../test/helpers/server-process';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { waitFor } from '../../../test/helpers/wait';
import { Collaboration } from '../../collaboration/collaboration';
import { loadState } from '../../collaboration/document-state';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from '../../core/document-blocks';
import { freeLoopbackPort } from '../../db/free-port';
import type { AppPubSub } from '../../pubsub/pubsub';
import { createRedisPubSub } from '../../pubsub/redis';
import { ALL } from '../../pubsub/topics';
import { authenticate } from '../auth/auth.service';
import { DraftDecisionModel } from '../decisions/decision.model';
import { DecisionKind } from '../decisions/decision-kind';
import { DomainEvents } from '../shared/domain-events';
import { Role } from '../users/role';

interface Para {
  id: string;
  number: number | null;
  kind: string;
  text: string;
  status: string;
  confirmBy: string | null;
  overdue: boolean;
  openBrackets: number;
}

const PARAGRAPHS = `query($d: ID!) { draft(id: $d) { text can { setParagraphStatus }
  paragraphs { id number kind text status confirmBy overdue openBrackets }
  paragraphsAgreed paragraphsTotal adRefPending } }`;
const SET = `mutation($d: ID!, $p: ID!, $s: ParagraphStatus!, $c: DateTimeISO) {
  setParagraphStatus(draftId: $d, paragraphId: $p, status: $s, confirmBy: $c) {
    id number status confirmBy overdue setBy { name } } }`;
const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;

const block = (kind: string, text: string, pid?: string) => {
  const e = new Y.XmlElement(kind);
  if (pid) e.setAttribute(PARAGRAPH_ID_ATTR, pid);
  e.insert(0, [new Y.XmlText(text)]);
  return e;
};
const fragment = (e: Editor) => e.doc.getXmlFragment(CONTENT_FIELD);
const textAt = (e: Editor, i: number) => (fragment(e).get(i) as Y.XmlElement).get(0) as Y.XmlText;

describe('paragraphs: identity, status and the lock at the server', () => {
  let t: TestPlatform;
  let chair: string;
  let coordinator: { id: string; token: string };
  let delegate: { id: string; token: string };
  let otherCoordinator: { id: string; token: string };
  let observer: { id: string; token: string };
  let secretariat: { id: string; token: string };
  let expert: { id: string; token: string };
  const editors: Editor[] = [];
  const open = async (token: string, draftId: string) => {
    const e = connectEditor(t.url, token, draftId);
    editors.push(e);
    await e.provider.whenSynced();
    return e;
  };
  const errorsOf = (e: Editor) => {
    const errors: RequestError[] = [];
    e.provider.on('error', (err: RequestError) => errors.push(err));
    return errors;
  };
  const read = async (draftId: string, token = chair) => {
    const res = await t.gql(PARAGRAPHS, { d: draftId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.draft as {
      text: string;
      can: { setParagraphStatus: boolean };
      paragraphs: Para[];
      paragraphsAgreed: number;
      paragraphsTotal: number;
      adRefPending: number;
    };
  };
  const set = (
    token: string,
    d: string,
    p: string,
    s: string,
    c: string | null = null,
  ): Promise<{
    data?: { setParagraphStatus: Para } | null;
    errors?: { extensions?: { code?: string }; message: string }[];
  }> => t.gql(SET, { d, p, s, c }, token);

  /** A draft of group 1 with three paragraphs and a heading written by a raw client, without ids. */
  const draftWithText = async () => {
    const draftId = await buildDraft(1);
    const writer = await open(coordinator.token, draftId);
    fragment(writer).push([
      block('heading', 'Conclusions'),
      block('paragraph', 'First paragraph on national implementation.'),
      block('paragraph', 'Second paragraph on assistance.'),
      block('paragraph', 'Third paragraph on cooperation.'),
    ]);
    await until(() => writer.provider.pending === 0, 10_000, 'the text stored');
    return { draftId, writer };
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    chair = await t.login('chair@committee.test');
    [coordinator, delegate, otherCoordinator, observer, secretariat, expert] = await Promise.all([
      buildUser(t, [Role.COORDINATOR, Role.DELEGATE], [1]),
      buildUser(t, [Role.DELEGATE], [1]),
      buildUser(t, [Role.COORDINATOR], [2]),
      buildUser(t, [Role.OBSERVER], [1]),
      buildUser(t, [Role.SECRETARIAT]),
      buildUser(t, [Role.EXPERT], [1]),
    ]);
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('gives every block a lasting id once, numbers the paragraphs 1, 2, 3, and a reader sees the same ids', async () => {
    const { draftId, writer } = await draftWithText();
    // A reader may not write: the ids are derived the same way and shown before they are written.
    const seenByObserver = await read(draftId, observer.token);
    expect(seenByObserver.paragraphs.map((p) => [p.kind, p.number, p.status])).toEqual([
      ['heading', null, 'OPEN'],
      ['paragraph', 1, 'OPEN'],
      ['paragraph', 2, 'OPEN'],
      ['paragraph', 3, 'OPEN'],
    ]);
    const first = await read(draftId);
    expect(first.paragraphs.map((p) => p.id)).toEqual(seenByObserver.paragraphs.map((p) => p.id));
    expect(new Set(first.paragraphs.map((p) => p.id)).size).toBe(4);
    // Written into the document (the writer's editor receives them live) and kept after edits.
    await until(
      () =>
        fragment(writer)
          .toArray()
          .every((b) => (b as Y.XmlElement).getAttribute('pid')),
      10_000,
      'ids written into the document',
    );
    textAt(writer, 1).insert(0, 'Revised. ');
    fragment(writer).insert(2, [block('paragraph', 'Inserted between.', 'client-made-1')]);
    await until(() => writer.provider.pending === 0);
    const after = await read(draftId);
    expect(after.paragraphs.map((p) => p.id)).toEqual([
      first.paragraphs[0].id,
      first.paragraphs[1].id,
      'client-made-1',
      first.paragraphs[2].id,
      first.paragraphs[3].id,
    ]);
    expect(after.paragraphs.map((p) => p.number)).toEqual([null, 1, 2, 3, 4]);
  });

  it('lets the coordinator, the Chair and the Secretariat set a status, and no one else', async () => {
    const { draftId } = await draftWithText();
    const [, p1] = (await read(draftId)).paragraphs;
    const who: [string, string, boolean][] = [
      ['chair', chair, true],
      ['secretariat', secretariat.token, true],
      ['coordinator', coordinator.token, true],
      ['coordinator of another group', otherCoordinator.token, false],
      ['delegate', delegate.token, false],
      ['expert', expert.token, false],
      ['observer', observer.token, false],
    ];
    for (const [name, token, allowed] of who) {
      expect({ name, can: (await read(draftId, token)).can.setParagraphStatus }).toEqual({
        name,
        can: allowed,
      });
      const res = await set(token, draftId, p1.id, 'PARKED');
      expect({ name, code: code(res) ?? 'OK' }).toEqual({
        name,
        code: allowed ? 'OK' : 'FORBIDDEN',
      });
    }
    const res = await set(coordinator.token, draftId, p1.id, 'AGREED');
    expect(res.data!.setParagraphStatus).toMatchObject({ id: p1.id, number: 1, status: 'AGREED' });
    const decisions = await DraftDecisionModel.find({
      draftId: new Types.ObjectId(draftId),
      kind: DecisionKind.PARAGRAPH_STATUS,
    }).lean();
    expect(decisions.map((d) => d.detail)).toEqual(['PARKED', 'PARKED', 'PARKED', 'AGREED']);
    expect(decisions[3]).toMatchObject({ paragraphId: p1.id, paragraphNumber: 1 });
  });

  it('sets BRACKETED by hand, and gives an ad ref without a date the usual 14 days', async () => {
    const { draftId } = await draftWithText();
    const [, p1, p2] = (await read(draftId)).paragraphs;
    const bracketed = await set(chair, draftId, p1.id, 'BRACKETED');
    expect(bracketed.errors).toBeUndefined();
    expect(bracketed.data!.setParagraphStatus).toMatchObject({ status: 'BRACKETED' });
    const before = Date.now();
    const adRef = await set(chair, draftId, p2.id, 'AGREED_AD_REF');
    expect(adRef.errors).toBeUndefined();
    const due = Date.parse(adRef.data!.setParagraphStatus.confirmBy!);
    const days = (due - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    expect((await read(draftId)).paragraphs.map((p) => p.status)).toEqual([
      'OPEN',
      'BRACKETED',
      'AGREED_AD_REF',
      'OPEN',
    ]);
  });

  it('refuses bad input with a code, and changes nothing', async () => {
    const { draftId } = await draftWithText();
    const [, p1] = (await read(draftId)).paragraphs;
    const cases: [string, Promise<{ errors?: { extensions?: { code?: string } }[] }>][] = [
      ['ad ref with a date that is none', set(chair, draftId, p1.id, 'AGREED_AD_REF', 'soon')],
      ['a date only for ad ref', set(chair, draftId, p1.id, 'AGREED', '2030-01-01T00:00:00Z')],
      ['malformed paragraph id', set(chair, draftId, 'no spaces allowed', 'AGREED')],
      ['malformed draft id', set(chair, 'nope', p1.id, 'AGREED')],
      ['unknown status', set(chair, draftId, p1.id, 'SETTLED')],
      ['unknown paragraph', set(chair, draftId, 'ghost-paragraph', 'AGREED')],
      ['unknown draft', set(chair, new Types.ObjectId().toHexString(), p1.id, 'AGREED')],
    ];
    const codes = await Promise.all(cases.map(async ([name, res]) => [name, code(await res)]));
    expect(codes).toEqual([
      ['ad ref with a date that is none', 'BAD_USER_INPUT'],
      ['a date only for ad ref', 'BAD_USER_INPUT'],
      ['malformed paragraph id', 'BAD_USER_INPUT'],
      ['malformed draft id', 'BAD_USER_INPUT'],
      ['unknown status', 'BAD_USER_INPUT'],
      ['unknown paragraph', 'NOT_FOUND'],
      ['unknown draft', 'NOT_FOUND'],
    ]);
    expect((await read(draftId)).paragraphs.every((p) => p.status === 'OPEN')).toBe(true);
  });

  it('derives BRACKETED from the text, flags an overdue ad ref, and counts for the dashboard', async () => {
    const { draftId, writer } = await draftWithText();
    const [, p1, p2, p3] = (await read(draftId)).paragraphs;
    textAt(writer, 3).format(0, 5, {
      bracket: { id: `${coordinator.id}:bracket01`, alternatives: ['Fourth'] },
    });
    textAt(writer, 3).format(10, 5, {
      bracket: { id: `${coordinator.id}:bracket02`, alternatives: [] },
    });
    await until(() => writer.provider.pending === 0);
    expect(code(await set(chair, draftId, p1.id, 'AGREED_AD_REF', '2020-01-01T00:00:00Z'))).toBe(
      undefined,
    );
    expect(code(await set(chair, draftId, p2.id, 'AGREED_AD_REF', '2099-01-01T00:00:00Z'))).toBe(
      undefined,
    );
    const now = await read(draftId);
    expect(now.paragraphs.slice(1).map((p) => [p.status, p.overdue, p.openBrackets])).toEqual([
      ['AGREED_AD_REF', true, 0],
      ['AGREED_AD_REF', false, 0],
      ['BRACKETED', false, 2],
    ]);
    expect(now.paragraphs[1].confirmBy).toBe('2020-01-01T00:00:00.000Z');
    expect([now.paragraphsAgreed, now.paragraphsTotal, now.adRefPending]).toEqual([2, 3, 2]);
    // Agreed over brackets: a decision, not derived.
    expect(code(await set(chair, draftId, p3.id, 'AGREED'))).toBe(undefined);
    expect(code(await set(chair, draftId, p1.id, 'AGREED'))).toBe(undefined);
    const later = await read(draftId);
    expect(later.paragraphs.map((p) => p.status)).toEqual([
      'OPEN',
      'AGREED',
      'AGREED_AD_REF',
      'AGREED',
    ]);
    expect([later.paragraphsAgreed, later.paragraphsTotal, later.adRefPending]).toEqual([3, 3, 1]);
  });

  it('tells open editors and dashboards at once', async () => {
    const { draftId } = await draftWithText();
    const [, p1] = (await read(draftId)).paragraphs;
    const ws = t.ws(delegate.token);
    const changes = subscribe(
      ws,
      'subscription($d: ID!) { paragraphsChanged(draftId: $d) { draftId paragraphId status } }',
      { d: draftId },
    );
    const cards = subscribe(
      ws,
      'subscription($d: ID) { draftChanged(draftId: $d) { id paragraphsAgreed paragraphsTotal adRefPending } }',
      { d: draftId },
    );
    await t.listening(Topic.ParagraphsChanged, draftId, 1);
    await t.listening(Topic.DraftChanged, draftId, 1);
    await set(coordinator.token, draftId, p1.id, 'AGREED');
    expect((await changes.next()).paragraphsChanged).toEqual({
      draftId,
      paragraphId: p1.id,
      status: 'AGREED',
    });
    const card = await waitFor(
      () => cards.next(),
      (c) => c.draftChanged.paragraphsAgreed === 1,
    );
    expect(card.draftChanged).toMatchObject({ paragraphsTotal: 3, adRefPending: 0 });
    changes.dispose();
    cards.dispose();
  });

  it('refuses a raw client’s edit of an agreed paragraph (PARAGRAPH_LOCKED, nothing stored), takes its other edits, and lets the coordinator edit it', async () => {
    const { draftId } = await draftWithText();
    const [, p1, p2, p3] = (await read(draftId)).paragraphs;
    await set(coordinator.token, draftId, p2.id, 'AGREED');
    await set(coordinator.token, draftId, p3.id, 'AGREED_AD_REF', '2099-01-01T00:00:00Z');
    const before = (await read(draftId)).text;

    const raw = await open(delegate.token, draftId);
    const errors = errorsOf(raw);
    textAt(raw, 2).insert(0, 'Sneaked in. ');
    await until(() => errors.length === 1 && raw.provider.pending === 0, 10_000, 'the refusal');
    expect(errors[0].code).toBe('PARAGRAPH_LOCKED');
    expect(errors[0].message).toMatch(/Paragraph 2 has been agreed/);
    expect((await read(draftId)).text).toBe(before);

    // The ad ref paragraph: formatting it, deleting it whole.
    const raw2 = await open(delegate.token, draftId);
    const errors2 = errorsOf(raw2);
    textAt(raw2, 3).format(0, 5, { bold: true });
    await until(() => errors2.length === 1 && raw2.provider.pending === 0);
    fragment(raw2).delete(3, 1);
    await until(() => errors2.length === 2 && raw2.provider.pending === 0);
    expect(errors2.map((e) => e.code)).toEqual(['PARAGRAPH_LOCKED', 'PARAGRAPH_LOCKED']);
    expect((await read(draftId)).text).toBe(before);

    // Open paragraphs, and a new paragraph between agreed ones, are fine.
    const raw3 = await open(delegate.token, draftId);
    const errors3 = errorsOf(raw3);
    textAt(raw3, 1).insert(0, 'Open to change. ');
    fragment(raw3).insert(3, [
      block('paragraph', 'A new paragraph between the agreed ones.', 'new-one'),
    ]);
    await until(() => raw3.provider.pending === 0);
    textAt(raw3, 3).insert(0, 'Typed into it. ');
    await until(() => raw3.provider.pending === 0);
    expect(errors3).toEqual([]);
    expect((await read(draftId)).paragraphs.map((p) => p.text)).toEqual([
      'Conclusions',
      `Open to change. ${p1.text}`,
      p2.text,
      'Typed into it. A new paragraph between the agreed ones.',
      p3.text,
    ]);

    // The coordinator may still edit it; reopened, anyone may.
    const coord = await open(coordinator.token, draftId);
    const coordErrors = errorsOf(coord);
    textAt(coord, 2).insert(0, 'Amended by the coordinator. ');
    await until(() => coord.provider.pending === 0);
    expect(coordErrors).toEqual([]);
    await set(chair, draftId, p2.id, 'OPEN');
    const raw4 = await open(delegate.token, draftId);
    const errors4 = errorsOf(raw4);
    textAt(raw4, 2).insert(0, 'Now open. ');
    await until(() => raw4.provider.pending === 0);
    expect(errors4).toEqual([]);
    expect((await read(draftId)).paragraphs[2].text).toBe(
      `Now open. Amended by the coordinator. ${p2.text}`,
    );
  });

  it('takes a fast typist’s keystrokes in an open paragraph of a draft with agreed ones, each building on the last', async () => {
    const { draftId } = await draftWithText();
    const [, , p2] = (await read(draftId)).paragraphs;
    await set(coordinator.token, draftId, p2.id, 'AGREED');
    const raw = await open(delegate.token, draftId);
    const errors = errorsOf(raw);
    const typed = 'Typed one keystroke at a time, without waiting.';
    for (const [i, ch] of [...typed].entries()) {
      textAt(raw, 1).insert(i, ch);
      // Each keystroke its own update, several in flight at once.
      await new Promise((r) => setImmediate(r));
    }
    await until(() => raw.provider.pending === 0, 15_000, 'every keystroke stored');
    expect(errors).toEqual([]);
    expect((await read(draftId)).paragraphs[1].text).toBe(
      `${typed}First paragraph on national implementation.`,
    );
  });

  it('keeps the lock across a restart of the server', async () => {
    const { draftId } = await draftWithText();
    const [, p1] = (await read(draftId)).paragraphs;
    await set(coordinator.token, draftId, p1.id, 'AGREED');
    const before = (await read(draftId)).text;
    await t.restart();
    const raw = await open(delegate.token, draftId);
    const errors = errorsOf(raw);
    textAt(raw, 1).insert(0, 'After the restart. ');
    await until(() => errors.length === 1 && raw.provider.pending === 0, 15_000, 'the refusal');
    expect(errors[0].code).toBe('PARAGRAPH_LOCKED');
    expect((await read(draftId)).text).toBe(before);
  });

  it('refuses status changes on an adopted draft like other edits', async () => {
    const { draftId } = await draftWithText();
    const [, p1] = (await read(draftId)).paragraphs;
    const adopt = await t.gql(
      'mutation($id: ID!) { setDraftStatus(id: $id, status: ADOPTED) { status } }',
      { id: draftId },
      chair,
    );
    expect(adopt.errors).toBeUndefined();
    expect(code(await set(chair, draftId, p1.id, 'AGREED'))).toBe('DRAFT_LOCKED');
    expect((await read(draftId)).can.setParagraphStatus).toBe(false);
  });
});

describe('the paragraph lock on every instance (statuses through Redis)', () => {
  let redis: { url: string; stop(): Promise<void> };
  let t: TestPlatform;
  let other: { collab: Collaboration; pubSub: AppPubSub };
  beforeAll(async () => {
    redis = await startRedis(await freeLoopbackPort());
    t = await startTestPlatform({ REDIS_URL: redis.url });
    // A second instance's edit path, sharing the database and Redis with the platform above.
    const pubSub = await createRedisPubSub(redis.url);
    other = {
      collab: new Collaboration(pubSub, { compactEvery: 1000, events: new DomainEvents() }),
      pubSub,
    };
  });
  afterAll(async () => {
    await other.collab.close();
    await other.pubSub.close();
    await t.stop();
    await redis.stop();
  });

  it('refuses on the other instance once it hears of the agreement, and follows text stored by the first', async () => {
    const chair = await t.login('chair@committee.test');
    const token = await t.login('delegate@committee.test');
    const delegate = (await authenticate(token))!;
    const draftId = await buildDraft(1);
    const id = new Types.ObjectId(draftId);
    /** An edit made on a copy of the stored text, sent through the other instance. */
    const edit = async (change: (f: Y.XmlFragment) => void) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadState(id)).state);
      const before = Y.encodeStateVector(doc);
      change(doc.getXmlFragment(CONTENT_FIELD));
      const update = Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
      return other.collab.applyUpdate(delegate, id, update, null, 'test').then(
        () => 'OK',
        (err: { extensions?: { code?: string } }) => err.extensions?.code,
      );
    };
    const typeInto = (i: number, text: string) => (f: Y.XmlFragment) =>
      ((f.get(i) as Y.XmlElement).get(0) as Y.XmlText).insert(0, text);
    expect(
      await edit((f) =>
        f.push([block('paragraph', 'Agreed soon.', 'p-one'), block('paragraph', 'Open.', 'p-two')]),
      ),
    ).toBe('OK');

    const heard = new Promise<void>((resolve) => {
      const stop = other.pubSub.listen(Topic.ParagraphsChanged, ALL, (news) => {
        if (news.draftId === draftId && news.status === 'AGREED') {
          stop();
          resolve();
        }
      });
    });
    const res = await t.gql(SET, { d: draftId, p: 'p-one', s: 'AGREED', c: null }, chair);
    expect(res.errors).toBeUndefined();
    await heard;
    expect(await edit(typeInto(0, 'Changed. '))).toBe('PARAGRAPH_LOCKED');
    expect(await edit(typeInto(1, 'Still open. '))).toBe('OK');

    // A paragraph stored through the first instance after the other loaded its document: the
    // other reads the log again to place an edit into it.
    const writer = connectEditor(t.url, token, draftId);
    await writer.provider.whenSynced();
    fragment(writer).push([block('paragraph', 'Written on the first instance.', 'p-three')]);
    await until(() => writer.provider.pending === 0);
    expect(await edit(typeInto(2, 'Typed on the other. '))).toBe('OK');
    await writer.close();
    const text = (await t.gql('query($d: ID!) { draft(id: $d) { text } }', { d: draftId }, chair))
      .data!.draft.text;
    expect(text).toBe(
      'Agreed soon.\nStill open. Open.\nTyped on the other. Written on the first instance.',
    );
  });
});
