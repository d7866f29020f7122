import {
  addParagraph,
  connectEditor,
  contentOf,
  Editor,
  until,
} from '../../../test/helpers/editors';
import { draftOf } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform, Topic } from '../../../test/helpers/test-platform';
import type { RequestError } from './graphql-request';

describe('DraftProvider', () => {
  let t: TestPlatform;
  let draftId: string;
  const editors: Editor[] = [];
  beforeAll(async () => {
    t = await startTestPlatform();
    draftId = await draftOf(1);
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('reports a refused edit once, drops it, and keeps following the draft', async () => {
    const member = connectEditor(t.url, await t.login('delegate@committee.test'), draftId);
    const observer = connectEditor(t.url, await t.login('observer@committee.test'), draftId);
    editors.push(member, observer);
    await Promise.all([member.provider.whenSynced(), observer.provider.whenSynced()]);
    const errors: RequestError[] = [];
    observer.provider.on('error', (e: RequestError) => errors.push(e));
    addParagraph(observer.doc, 'An observer tries to write.');
    await observer.provider.whenAcknowledged();
    expect(errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(observer.provider.retries).toEqual({});

    addParagraph(member.doc, 'A member writes.');
    await member.provider.whenAcknowledged();
    await until(
      () => contentOf(observer.doc).includes('A member writes.'),
      5000,
      'member edit at observer',
    );
    const text = (
      await t.gql(
        'query($d: ID!) { draft(id: $d) { text } }',
        { d: draftId },
        await t.login('chair@committee.test'),
      )
    ).data!.draft.text;
    expect(text).toContain('A member writes.');
    expect(text).not.toContain('An observer tries to write.');
  });

  it('sends nothing in read-only mode', async () => {
    const reader = connectEditor(t.url, await t.login('observer@committee.test'), draftId, {
      readOnly: true,
    });
    editors.push(reader);
    await reader.provider.whenSynced();
    addParagraph(reader.doc, 'Local only.');
    expect(reader.provider.pending).toBe(0);
  });

  it('starts from a state fetched over HTTP and replays only what came after it', async () => {
    const writer = connectEditor(t.url, await t.login('delegate@committee.test'), draftId);
    editors.push(writer);
    await writer.provider.whenSynced();
    addParagraph(writer.doc, 'Before the state was fetched.');
    await writer.provider.whenAcknowledged();

    const token = await t.login('coordinator@committee.test');
    const { state, seq } = (
      await t.gql<{ draft: { state: string; seq: number } }>(
        'query($d: ID!) { draft(id: $d) { state seq } }',
        { d: draftId },
        token,
      )
    ).data!.draft;
    const listening = t.listeners(Topic.DraftUpdate, draftId);
    const reader = connectEditor(t.url, token, draftId, { deferStart: true });
    editors.push(reader);
    // Nothing happens before start(): no replay of its own, not even a socket.
    expect(reader.provider.status).toBe('connecting');
    expect(t.listeners(Topic.DraftUpdate, draftId)).toBe(listening);
    expect(contentOf(reader.doc)).toBe('');
    expect(reader.provider.loaded).toBe(false);

    addParagraph(writer.doc, 'After the state was fetched.');
    await writer.provider.whenAcknowledged();
    let applied = 0;
    reader.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === reader.provider) applied += 1;
    });
    // What the provider asks the server for, seen on its transport.
    const transport = reader.provider.transport;
    const subscribe = transport.subscribe.bind(transport);
    const asked: unknown[] = [];
    transport.subscribe = (id, afterSeq, clientId, handlers) => {
      asked.push({ draftId: id, afterSeq });
      return subscribe(id, afterSeq, clientId, handlers);
    };
    reader.provider.start({ state: new Uint8Array(Buffer.from(state, 'base64')), seq });
    expect(reader.provider.loaded).toBe(true);
    expect(contentOf(reader.doc)).toContain('Before the state was fetched.');
    await reader.provider.whenSynced();
    await until(
      () => contentOf(reader.doc).includes('After the state was fetched.'),
      5000,
      'later edit at the reader',
    );
    expect(contentOf(reader.doc)).toBe(contentOf(writer.doc));
    // The initial state, then the one update stored after it: the replay did not start from 0.
    expect(applied).toBe(2);
    expect(reader.provider.seq).toBe(seq + 1);
    expect(asked).toContainEqual(expect.objectContaining({ draftId, afterSeq: seq }));
  });
});
