import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addParagraph, connectEditor, contentOf, Editor, until } from '../../test/helpers/editors';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';

describe('presence and offline editing', () => {
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

  it('shows who is in the draft, with name, colour and cursor, and removes them when they leave', async () => {
    const a = connectEditor(t.url, await t.login('delegate@committee.test'), draftId, {
      awareness: true,
    });
    const b = connectEditor(t.url, await t.login('coordinator@committee.test'), draftId, {
      awareness: true,
    });
    editors.push(a, b);
    await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);
    a.awareness.setLocalState({
      user: { name: 'Delegate of France', color: '#1f77b4' },
      cursor: { anchor: 'AQID', head: 'AQID' },
    });
    await until(
      () =>
        (b.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)
          ?.user?.name === 'Delegate of France',
      5000,
      'presence at b',
    );

    const chair = await t.login('chair@committee.test');
    const editorsNow = async () =>
      (
        await t.gql(
          'query($d: ID!) { draft(id: $d) { editors { clientId user { email } state } } }',
          { d: draftId },
          chair,
        )
      ).data!.draft.editors as { clientId: number; user: { email: string }; state: string }[];
    const listed = await editorsNow();
    const entry = listed.find((e) => e.clientId === a.doc.clientID);
    // The person comes from the session, whatever name the client claims.
    expect(entry?.user.email).toBe('delegate@committee.test');
    expect(JSON.parse(entry!.state).user.color).toBe('#1f77b4');

    await a.close();
    await until(() => !b.awareness.getStates().has(a.doc.clientID), 5000, 'presence removed at b');
    expect((await editorsNow()).some((e) => e.clientId === a.doc.clientID)).toBe(false);
  });

  it('drops an entry that is not renewed within the 30 s awareness timeout', async () => {
    // Sent over HTTP: no connection whose closing would remove it, so only the timeout can.
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Gone quiet', color: '#2ca02c' } });
    const update = Buffer.from(encodeAwarenessUpdate(awareness, [doc.clientID])).toString('base64');
    awareness.destroy();
    const token = await t.login('expert@committee.test');
    expect(
      (
        await t.gql(
          'mutation($d: ID!, $u: String!) { updatePresence(draftId: $d, update: $u) }',
          { d: draftId, u: update },
          token,
        )
      ).data!.updatePresence,
    ).toBe(true);
    const listed = async () =>
      (
        (
          await t.gql(
            'query($d: ID!) { draft(id: $d) { editors { clientId } } }',
            { d: draftId },
            token,
          )
        ).data!.draft.editors as { clientId: number }[]
      ).some((e) => e.clientId === doc.clientID);
    expect(await listed()).toBe(true);
    await until(async () => !(await listed()), 40_000, 'the quiet entry leaving');
  }, 60_000);

  it('queues edits while the server is away and delivers them, with no gap, once it is back', async () => {
    const token = await t.login('delegate@committee.test');
    const a = connectEditor(t.url, token, draftId);
    const b = connectEditor(t.url, token, draftId);
    editors.push(a, b);
    await Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]);
    addParagraph(a.doc, 'Before the outage.');
    await a.provider.whenAcknowledged();
    await until(() => contentOf(b.doc) === contentOf(a.doc));

    const restarting = t.restart();
    addParagraph(a.doc, 'Typed while the server was away (A).');
    addParagraph(b.doc, 'Typed while the server was away (B).');
    expect(a.provider.pending).toBeGreaterThan(0);
    await restarting;
    await Promise.all([a.provider.whenAcknowledged(), b.provider.whenAcknowledged()]);
    await until(
      () =>
        contentOf(a.doc) === contentOf(b.doc) &&
        contentOf(a.doc).includes('(A)') &&
        contentOf(a.doc).includes('(B)'),
      15000,
      'catch-up',
    );
    const res = await t.gql('query($d: ID!) { draft(id: $d) { text seq } }', { d: draftId }, token);
    expect(res.data!.draft.text).toContain('Typed while the server was away (A).');
    expect(res.data!.draft.text).toContain('Typed while the server was away (B).');
    // Stored marks follow the live updates within a moment; with them the editor resumes from the head.
    await until(() => a.provider.seq === res.data!.draft.seq, 5000, 'the stored marks');
  });
});
