import { draftOf } from '../../../test/helpers/factories';
import { addParagraph, connectEditor, contentOf, Editor, until } from '../../../test/helpers/editors';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
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
    await until(() => contentOf(observer.doc).includes('A member writes.'), 5000, 'member edit at observer');
    const text = (await t.gql('query($d: ID!) { draft(id: $d) { text } }', { d: draftId }, await t.login('chair@committee.test'))).data!.draft.text;
    expect(text).toContain('A member writes.');
    expect(text).not.toContain('An observer tries to write.');
  });

  it('sends nothing in read-only mode', async () => {
    const reader = connectEditor(t.url, await t.login('observer@committee.test'), draftId, { readOnly: true });
    editors.push(reader);
    await reader.provider.whenSynced();
    addParagraph(reader.doc, 'Local only.');
    expect(reader.provider.pending).toBe(0);
  });
});
