import { addParagraph, connectEditor, Editor } from '../../test/helpers/editors';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, subscribe, TestPlatform } from '../../test/helpers/test-platform';

type Summary = {
  id: string;
  length: number;
  words: number;
  lastEditedAt: string | null;
  lastEditedBy: { email: string } | null;
  openComments: number;
  editors: { user: { email: string } }[];
  activity: { day: string; edits: number }[];
};
const SUMMARY =
  'id length words lastEditedAt lastEditedBy { email } openComments editors { user { email } } activity(days: 7) { day edits }';

describe('draft summary for dashboards', () => {
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

  it('pushes last edit, author, length and activity after edits, and changes on comments and presence', async () => {
    const chair = await t.login('chair@committee.test');
    const changes = subscribe<{ draftChanged: Summary }>(
      t.ws(chair),
      `subscription { draftChanged { ${SUMMARY} } }`,
    );
    const first = await t.gql<{ draft: Summary }>(
      `query($d: ID!) { draft(id: $d) { ${SUMMARY} } }`,
      { d: draftId },
      chair,
    );
    expect(first.errors).toBeUndefined();
    const before = first.data!.draft;
    expect(before.activity).toHaveLength(7);
    expect(before.lastEditedBy).toBeNull();

    const editor = connectEditor(t.url, await t.login('delegate@committee.test'), draftId, {
      awareness: true,
    });
    editors.push(editor);
    await editor.provider.whenSynced();
    editor.awareness.setLocalState({ user: { name: 'Delegate of France', color: '#123456' } });
    // Opening the draft is itself a change a dashboard shows.
    let event = (await changes.next(5000)).draftChanged;
    while (event.editors.length === 0) event = (await changes.next(5000)).draftChanged;
    expect(event.editors[0].user.email).toBe('delegate@committee.test');

    addParagraph(editor.doc, 'The Committee recalls resolution 1540');
    addParagraph(editor.doc, 'and encourages States');
    await editor.provider.whenAcknowledged();
    do event = (await changes.next(5000)).draftChanged;
    while (event.lastEditedBy === null);
    expect(event.id).toBe(draftId);
    expect(event.lastEditedBy?.email).toBe('delegate@committee.test');
    expect(event.length).toBe('The Committee recalls resolution 1540and encourages States'.length);
    expect(event.words).toBe(8);
    const today = event.activity[event.activity.length - 1];
    expect(today.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today.edits).toBeGreaterThanOrEqual(1);

    await t.gql(
      'mutation($d: ID!) { addComment(input: { targetId: $d, body: "Tighten paragraph 2" }) { id } }',
      { d: draftId },
      chair,
    );
    do event = (await changes.next(5000)).draftChanged;
    while (event.openComments === before.openComments);
    expect(event.openComments).toBe(before.openComments + 1);
    changes.dispose();
  });

  it('refuses an activity window out of range', async () => {
    const chair = await t.login('chair@committee.test');
    const res = await t.gql(
      'query($d: ID!) { draft(id: $d) { activity(days: 1000) { day } } }',
      { d: draftId },
      chair,
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
