import * as Y from 'yjs';
import { paragraphUpdate } from '../../test/helpers/editors';
import { startTestPlatform, type TestPlatform } from '../../test/helpers/test-platform';
import { DraftSnapshotModel } from '../collaboration/snapshot.model';
import { ConsultationModel } from '../modules/consultations/consultation.model';
import { seedId } from '../modules/shared/ids';
import { DraftVersionModel } from '../modules/versions/version.model';
import { DEMO_VERSION_LABEL, seedDemoContent } from './demo-content';

describe('the demonstration’s worked example (DEMO_CONTENT=1, as npm start sets it)', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ DEMO_CONTENT: '1' });
  });
  afterAll(() => t.stop());

  it('gives the guest a consultation open on working group 1’s zero draft, members its text, and is added once', async () => {
    const guest = await t.login('guest@committee.test');
    const list = await t.gql<{ consultations: { id: string; open: boolean; title: string }[] }>(
      '{ consultations { id open title(lang: EN) } }',
      {},
      guest,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.consultations).toEqual([
      {
        id: expect.any(String),
        open: true,
        title: 'Draft conclusions and recommendations on national implementation',
      },
    ]);
    const shown = await t.gql<{
      consultation: {
        versionLabel: string;
        blocks: { kind: string; number: number | null; text: string }[];
        can: { comment: boolean };
      };
    }>(
      'query($id: ID!) { consultation(id: $id) { versionLabel blocks { kind number text } can { comment } } }',
      { id: list.data!.consultations[0].id },
      guest,
    );
    expect(shown.errors).toBeUndefined();
    const { blocks, versionLabel, can } = shown.data!.consultation;
    expect(versionLabel).toBe(DEMO_VERSION_LABEL);
    expect(can.comment).toBe(true);
    expect(blocks.map((b) => [b.kind, b.number])).toEqual([
      ['HEADING', null],
      ['PARAGRAPH', 1],
      ['PARAGRAPH', 2],
      ['HEADING', null],
      ['PARAGRAPH', 3],
      ['PARAGRAPH', 4],
      ['PARAGRAPH', 5],
    ]);
    expect(blocks[1].text).toMatch(/^The Committee notes that nine States/);

    // Members read it as the draft's text, and may go on editing it.
    const chair = await t.login('chair@committee.test');
    const draft = await t.gql<{
      draft: { text: string; words: number; versions: { number: number }[] };
    }>(
      'query($d: ID!) { draft(id: $d) { text words versions { number } } }',
      { d: seedId('draft:1').toHexString() },
      chair,
    );
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.draft.text).toContain('national points of contact');
    expect(draft.data!.draft.versions).toEqual([{ number: 1 }]);
    // The dashboard counts it as the first edit would have.
    expect(draft.data!.draft.words).toBe(
      draft.data!.draft.text.split(/\s+/).filter(Boolean).length,
    );
    const edit = await t.gql<{ applyDraftUpdate: { seq: number } }>(
      'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }',
      {
        d: seedId('draft:1').toHexString(),
        u: Buffer.from(paragraphUpdate(new Y.Doc(), 'A member’s addition.')).toString('base64'),
      },
      chair,
    );
    expect(edit.data!.applyDraftUpdate.seq).toBe(2);
    const after = await t.gql<{ draft: { text: string } }>(
      'query($d: ID!) { draft(id: $d) { text } }',
      { d: seedId('draft:1').toHexString() },
      chair,
    );
    // Written without having read it (a fresh document): it lands beside, nothing is lost.
    expect(after.data!.draft.text).toContain('national points of contact');
    expect(after.data!.draft.text).toContain('A member’s addition.');

    // Never twice, and never into a draft written in.
    const counts = async () =>
      Promise.all([
        DraftSnapshotModel.countDocuments(),
        DraftVersionModel.countDocuments(),
        ConsultationModel.countDocuments(),
      ]);
    const before = await counts();
    expect(await seedDemoContent()).toBe(false);
    await t.restart();
    expect(await counts()).toEqual(before);
  });
});
