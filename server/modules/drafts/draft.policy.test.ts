import { buildUser, draftOf, workingGroupId } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { ALL } from '../../pubsub/topics';
import { Role } from '../users/role';

const SET_STATUS =
  'mutation($id: ID!, $s: DraftStatus!) { setDraftStatus(id: $id, status: $s) { status } }';
const UPDATE =
  'mutation($id: ID!, $t: String!) { updateDraft(id: $id, input: { titleEn: $t }) { title } }';
const CREATE =
  'mutation($g: ID!) { createDraft(input: { workingGroupId: $g, titleEn: "Annex", titleFr: "Annexe" }) { id workingGroup { number } } }';
const READ =
  'query($id: ID!) { draft(id: $id) { status title can { edit comment manage changeStatus adopt } } }';

describe('draft policy: coordinators manage their group’s drafts, the Chair and Secretariat everything', () => {
  let t: TestPlatform;
  let wg1Draft: string;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    t = await startTestPlatform();
    wg1Draft = await draftOf(1);
    tokens = {
      chair: await t.login('chair@committee.test'),
      secretariat: await t.login('secretariat@committee.test'),
      coordinator1: await t.login('coordinator@committee.test'),
      coordinator3: (await buildUser(t, [Role.COORDINATOR, Role.DELEGATE], [3])).token,
      delegate1: await t.login('delegate@committee.test'),
      delegate3: (await buildUser(t, [Role.DELEGATE], [3])).token,
      expert: await t.login('expert@committee.test'),
      observer: await t.login('observer@committee.test'),
    };
  });
  afterAll(() => t.stop());

  const status = async () => (await t.gql(READ, { id: wg1Draft }, tokens.chair)).data!.draft.status;

  it.each([
    ['coordinator of another group', 'coordinator3'],
    ['delegate member of the group', 'delegate1'],
    ['expert', 'expert'],
    ['observer', 'observer'],
  ])('denies status changes to a %s, changing nothing', async (_label, who) => {
    const before = await status();
    const res = await t.gql(SET_STATUS, { id: wg1Draft, s: 'AGREED' }, tokens[who]);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    expect(await status()).toBe(before);
  });

  it('lets the group coordinator move the draft to review and agreement, but not adopt it', async () => {
    expect(
      (await t.gql(SET_STATUS, { id: wg1Draft, s: 'IN_REVIEW' }, tokens.coordinator1)).data!
        .setDraftStatus.status,
    ).toBe('IN_REVIEW');
    expect(
      (await t.gql(SET_STATUS, { id: wg1Draft, s: 'AGREED' }, tokens.coordinator1)).data!
        .setDraftStatus.status,
    ).toBe('AGREED');
    const adopt = await t.gql(SET_STATUS, { id: wg1Draft, s: 'ADOPTED' }, tokens.coordinator1);
    expect(adopt.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await status()).toBe('AGREED');
  });

  it('lets the Chair and the Secretariat adopt and reopen', async () => {
    expect(
      (await t.gql(SET_STATUS, { id: wg1Draft, s: 'ADOPTED' }, tokens.chair)).data!.setDraftStatus
        .status,
    ).toBe('ADOPTED');
    expect(
      (await t.gql(SET_STATUS, { id: wg1Draft, s: 'DRAFTING' }, tokens.secretariat)).data!
        .setDraftStatus.status,
    ).toBe('DRAFTING');
  });

  it('lets managers rename a draft, and no one else', async () => {
    expect(
      (
        await t.gql(
          UPDATE,
          { id: wg1Draft, t: 'Conclusions on national implementation' },
          tokens.coordinator1,
        )
      ).data!.updateDraft.title,
    ).toBe('Conclusions on national implementation');
    for (const who of ['delegate1', 'coordinator3', 'observer']) {
      expect(
        (await t.gql(UPDATE, { id: wg1Draft, t: 'Hijacked title' }, tokens[who])).errors![0]
          .extensions!.code,
      ).toBe('FORBIDDEN');
    }
    expect((await t.gql(READ, { id: wg1Draft }, tokens.observer)).data!.draft.title).toBe(
      'Conclusions on national implementation',
    );
  });

  it('lets a coordinator start a draft for their own group only', async () => {
    const may = async (group: number) =>
      (
        await t.gql(
          'query($g: ID!) { workingGroup(id: $g) { can { createDraft } } }',
          { g: (await workingGroupId(group)).toHexString() },
          tokens.coordinator3,
        )
      ).data!.workingGroup.can.createDraft;
    expect([await may(3), await may(2)]).toEqual([true, false]);
    const own = await t.gql(
      CREATE,
      { g: (await workingGroupId(3)).toHexString() },
      tokens.coordinator3,
    );
    expect(own.data!.createDraft.workingGroup.number).toBe(3);
    const other = await t.gql(
      CREATE,
      { g: (await workingGroupId(2)).toHexString() },
      tokens.coordinator3,
    );
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const drafts = await t.gql(
      'query($g: ID!) { drafts(workingGroupId: $g) { id } }',
      { g: (await workingGroupId(2)).toHexString() },
      tokens.chair,
    );
    expect(drafts.data!.drafts).toHaveLength(1);
  });

  // The whole matrix is in draft.policy.unit.test.ts; this checks that each person gets their own answer.
  it('tells each person what they may do with the draft (Draft.can)', async () => {
    const can = async (who: string) =>
      (await t.gql(READ, { id: wg1Draft }, tokens[who])).data!.draft.can;
    expect(await can('coordinator1')).toEqual({
      edit: true,
      comment: true,
      manage: true,
      changeStatus: true,
      adopt: false,
    });
    expect(await can('chair')).toEqual({
      edit: true,
      comment: true,
      manage: true,
      changeStatus: true,
      adopt: true,
    });
    expect(await can('delegate1')).toEqual({
      edit: true,
      comment: true,
      manage: false,
      changeStatus: false,
      adopt: false,
    });
    expect(await can('expert')).toEqual({
      edit: false,
      comment: true,
      manage: false,
      changeStatus: false,
      adopt: false,
    });
    expect(await can('observer')).toEqual({
      edit: false,
      comment: false,
      manage: false,
      changeStatus: false,
      adopt: false,
    });
  });

  it('pushes status changes to subscribers of the draft, of its group and of all drafts', async () => {
    const client = t.ws(tokens.observer);
    const query =
      'subscription($d: ID, $g: ID) { draftStatusChanged(draftId: $d, workingGroupId: $g) { id status statusChangedBy { name } } }';
    const [group1, group2] = [
      (await workingGroupId(1)).toHexString(),
      (await workingGroupId(2)).toHexString(),
    ];
    const channels = [wg1Draft, group1, ALL, group2];
    const base = channels.map((id) => t.listeners(Topic.DraftStatusChanged, id));
    const byDraft = subscribe(client, query, { d: wg1Draft });
    const byGroup = subscribe(client, query, { g: group1 });
    const all = subscribe(client, query, {});
    const otherGroup = subscribe(client, query, { g: group2 });
    await Promise.all(
      channels.map((id, i) => t.listening(Topic.DraftStatusChanged, id, base[i] + 1)),
    );
    await t.gql(SET_STATUS, { id: wg1Draft, s: 'IN_REVIEW' }, tokens.coordinator1);
    for (const sub of [byDraft, byGroup, all]) {
      const event = await sub.next();
      expect(event.draftStatusChanged).toMatchObject({
        id: wg1Draft,
        status: 'IN_REVIEW',
        statusChangedBy: { name: 'Working group 1 coordinator (demo, Estonia)' },
      });
    }
    await expect(otherGroup.next(500)).rejects.toThrow(/no event/);
  });
});
