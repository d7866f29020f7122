import * as Y from 'yjs';
import {
  addParagraph,
  connectEditor,
  contentOf,
  Editor,
  firstParagraphText,
  until,
} from '../../test/helpers/editors';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';

/** A small seeded random generator, so a failing run can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('co-editing converges', () => {
  let t: TestPlatform;
  let draftId: string;
  let editors: Editor[] = [];
  beforeAll(async () => {
    t = await startTestPlatform();
    draftId = await draftOf(2);
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('20 clients making random concurrent inserts and deletes end identical, and equal to the server after a restart', async () => {
    const token = await t.login('delegate@committee.test');
    editors = Array.from({ length: 20 }, () => connectEditor(t.url, token, draftId));
    await Promise.all(editors.map((e) => e.provider.whenSynced()));

    addParagraph(editors[0].doc, 'The Committee ');
    await until(
      () => editors.every((e) => firstParagraphText(e.doc) !== undefined),
      10000,
      'first paragraph everywhere',
    );

    const rand = random(1540);
    const words = [
      'assistance ',
      'States ',
      'report ',
      'matrix ',
      'outreach ',
      'recommends ',
      'notes ',
    ];
    for (let round = 0; round < 15; round += 1) {
      for (const editor of editors) {
        const text = firstParagraphText(editor.doc)!;
        if (rand() < 0.7 || text.length < 5)
          text.insert(
            Math.floor(rand() * (text.length + 1)),
            words[Math.floor(rand() * words.length)],
          );
        else {
          const at = Math.floor(rand() * (text.length - 3));
          text.delete(at, 1 + Math.floor(rand() * 3));
        }
      }
      await new Promise((r) => setTimeout(r, rand() * 20));
    }
    await Promise.all(editors.map((e) => e.provider.whenAcknowledged()));
    // Compared as they stand at each check: remote updates may still be arriving at any of them.
    await until(
      () => editors.every((e) => contentOf(e.doc) === contentOf(editors[0].doc)),
      20000,
      'convergence',
    );
    const expected = contentOf(editors[0].doc);
    expect(expected.length).toBeGreaterThan(100);

    await t.restart();
    const res = await t.gql(
      'query($d: ID!) { draft(id: $d) { state text } }',
      { d: draftId },
      token,
    );
    const server = new Y.Doc();
    Y.applyUpdate(server, Buffer.from(res.data!.draft.state, 'base64'));
    expect(contentOf(server)).toBe(expected);
    expect(res.data!.draft.text).toBe(firstParagraphText(editors[0].doc)!.toString());
  });
});
