import { draftOf, workingGroupId } from '../../../test/helpers/factories';
import {
  Subscription,
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { ALL } from '../../pubsub/topics';

type Summary = { id: string; title: string; deadline: string | null };
const DRAFT_CHANGED = 'subscription { draftChanged { id title(lang: EN) deadline } }';

/** The next summary of a draft that satisfies `wanted`; other drafts' changes are skipped. */
async function nextMatching(
  sub: Subscription<{ draftChanged: Summary }>,
  wanted: (s: Summary) => boolean,
): Promise<Summary> {
  for (;;) {
    const { draftChanged } = await sub.next(5000);
    if (wanted(draftChanged)) return draftChanged;
  }
}

describe('an open dashboard hears of every change to a draft live', () => {
  let t: TestPlatform;
  let chair: string;
  let sub: Subscription<{ draftChanged: Summary }>;

  beforeAll(async () => {
    t = await startTestPlatform();
    chair = await t.login('chair@committee.test');
    sub = subscribe<{ draftChanged: Summary }>(t.ws(chair), DRAFT_CHANGED);
    await t.listening(Topic.DraftChanged, ALL, 1);
  });
  afterAll(async () => {
    sub.dispose();
    await t.stop();
  });

  it('a rename', async () => {
    const id = await draftOf(2);
    const res = await t.gql(
      'mutation($id: ID!) { updateDraft(id: $id, input: { titleEn: "Assistance: renamed" }) { id } }',
      { id },
      chair,
    );
    expect(res.errors).toBeUndefined();
    expect(await nextMatching(sub, (s) => s.id === id)).toMatchObject({
      id,
      title: 'Assistance: renamed',
    });
  });

  it('a deadline change', async () => {
    const id = await draftOf(3);
    const deadline = '2020-12-31T00:00:00.000Z';
    const res = await t.gql(
      'mutation($id: ID!, $d: DateTimeISO!) { updateDraft(id: $id, input: { deadline: $d }) { id } }',
      { id, d: deadline },
      chair,
    );
    expect(res.errors).toBeUndefined();
    expect(await nextMatching(sub, (s) => s.id === id)).toMatchObject({ id, deadline });
  });

  it('a new draft', async () => {
    const group = (await workingGroupId(4)).toHexString();
    const res = await t.gql<{ createDraft: { id: string } }>(
      'mutation($g: ID!) { createDraft(input: { workingGroupId: $g, titleEn: "Media relations", titleFr: "Relations avec les médias" }) { id } }',
      { g: group },
      chair,
    );
    expect(res.errors).toBeUndefined();
    const id = res.data!.createDraft.id;
    expect(await nextMatching(sub, (s) => s.id === id)).toMatchObject({
      id,
      title: 'Media relations',
    });
  });
});
