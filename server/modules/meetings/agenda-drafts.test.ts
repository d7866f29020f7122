import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { ALL } from '../../pubsub/topics';

interface LinkedDraft {
  id: string;
  title: string;
  status: string;
  workingGroup: { number: number };
}
interface SubItem {
  id: string;
  title: string;
  drafts: LinkedDraft[];
}
interface Item {
  id: string;
  title: string;
  drafts: LinkedDraft[];
  subItems: SubItem[];
}

const ITEM_FIELDS =
  'id title drafts { id title status workingGroup { number } } subItems { id title drafts { id title status workingGroup { number } } }';
const UPDATE = `mutation($m: ID!, $i: ID!, $input: AgendaItemInput!) { updateAgendaItem(meetingId: $m, itemId: $i, input: $input) { version agenda { ${ITEM_FIELDS} } } }`;
const ADD = `mutation($m: ID!, $input: AgendaItemInput!) { addAgendaItem(meetingId: $m, input: $input) { version agenda { ${ITEM_FIELDS} } } }`;

describe('agenda items linked to drafts, the right to create meetings, and the live list of meetings', () => {
  let t: TestPlatform;
  let tokens: Record<string, string>;
  let drafts: { id: string; number: number }[];
  beforeAll(async () => {
    t = await startTestPlatform();
    tokens = {
      chair: await t.login('chair@committee.test'),
      secretariat: await t.login('secretariat@committee.test'),
      delegate: await t.login('delegate@committee.test'),
      observer: await t.login('observer@committee.test'),
    };
    const res = await t.gql('{ drafts { id workingGroup { number } } }', {}, tokens.observer);
    drafts = res.data!.drafts.map((d: { id: string; workingGroup: { number: number } }) => ({
      id: d.id,
      number: d.workingGroup.number,
    }));
    drafts.sort((a, b) => a.number - b.number);
  });
  afterAll(() => t.stop());

  const meetingsOfMonth = async (month: string) =>
    (
      await t.gql<{ meetings: { id: string; version: number; agenda: Item[] }[] }>(
        `query($month: String) { meetings(month: $month) { id version agenda { ${ITEM_FIELDS} } } }`,
        { month },
        tokens.observer,
      )
    ).data!.meetings;
  const meetingOfMonth = async (month: string) => (await meetingsOfMonth(month))[0];

  it("links the August meeting's four sub-items to the four drafts in the seed", async () => {
    const items = (await meetingsOfMonth('2020-08')).flatMap((m) => m.agenda);
    const item = items.find((a) => a.title === 'Draft conclusions and recommendations on');
    expect(item).toBeDefined();
    expect(item!.drafts).toEqual([]);
    expect(item!.subItems.map((s) => s.drafts.map((d) => d.workingGroup.number))).toEqual([
      [1],
      [2],
      [3],
      [4],
    ]);
    expect(item!.subItems.every((s) => s.drafts[0].status === 'DRAFTING')).toBe(true);
    // Every other item of the calendar links nothing.
    expect(items.filter((a) => a !== item).every((a) => a.drafts.length === 0)).toBe(true);
  });

  it('links, keeps and clears drafts on items and sub-items', async () => {
    const meeting = await meetingOfMonth('2020-10');
    const added = await t.gql(
      ADD,
      {
        m: meeting.id,
        input: {
          titleEn: 'Drafts of groups 1 and 2',
          titleFr: 'Projets des groupes 1 et 2',
          draftIds: [drafts[1].id, drafts[0].id],
          subItems: [{ titleEn: 'Group 3', titleFr: 'Groupe 3', draftIds: [drafts[2].id] }],
        },
      },
      tokens.chair,
    );
    expect(added.errors).toBeUndefined();
    const item: Item = added.data!.addAgendaItem.agenda.at(-1);
    // In the order given.
    expect(item.drafts.map((d) => d.workingGroup.number)).toEqual([2, 1]);
    expect(item.subItems[0].drafts.map((d) => d.workingGroup.number)).toEqual([3]);

    // Left out, the links stay (on the item, and on a sub-item named by its id).
    const renamed = await t.gql(
      UPDATE,
      {
        m: meeting.id,
        i: item.id,
        input: {
          titleEn: 'Renamed',
          titleFr: 'Renommé',
          subItems: [
            { titleEn: 'New one', titleFr: 'Nouveau' },
            { id: item.subItems[0].id, titleEn: 'Group 3', titleFr: 'Groupe 3' },
          ],
        },
      },
      tokens.secretariat,
    );
    expect(renamed.errors).toBeUndefined();
    const kept: Item = renamed.data!.updateAgendaItem.agenda.find((a: Item) => a.id === item.id);
    expect(kept.drafts.map((d) => d.workingGroup.number)).toEqual([2, 1]);
    expect(kept.subItems.map((s) => s.drafts.map((d) => d.workingGroup.number))).toEqual([[], [3]]);

    // An empty list clears them.
    const cleared = await t.gql(
      UPDATE,
      {
        m: meeting.id,
        i: item.id,
        input: { titleEn: 'Renamed', titleFr: 'Renommé', draftIds: [] },
      },
      tokens.chair,
    );
    const none: Item = cleared.data!.updateAgendaItem.agenda.find((a: Item) => a.id === item.id);
    expect(none.drafts).toEqual([]);
    expect(none.subItems[1].drafts).toHaveLength(1);
  });

  it('refuses links to unknown, malformed or repeated drafts, and links by anyone but the Chair or the Secretariat, changing nothing', async () => {
    const meeting = await meetingOfMonth('2020-10');
    const item = meeting.agenda[0];
    const input = (draftIds: string[], sub: string[] = []) => ({
      titleEn: 'Linked',
      titleFr: 'Lié',
      draftIds,
      subItems: [{ titleEn: 'Sub', titleFr: 'Sous', draftIds: sub }],
    });
    const cases: [string[], string[], string, string][] = [
      [
        ['0123456789abcdef01234567'],
        [],
        'BAD_USER_INPUT',
        'There is no draft 0123456789abcdef01234567 to link.',
      ],
      [[], ['0123456789abcdef01234567'], 'BAD_USER_INPUT', 'There is no draft'],
      [['not-an-id'], [], 'BAD_USER_INPUT', '24-character hexadecimal id'],
      [[drafts[0].id, drafts[0].id], [], 'BAD_USER_INPUT', 'names a draft twice'],
    ];
    for (const [ids, sub, code, message] of cases) {
      const res = await t.gql(
        UPDATE,
        { m: meeting.id, i: item.id, input: input(ids, sub) },
        tokens.chair,
      );
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(res.errors?.[0].message).toContain(message);
      const added = await t.gql(ADD, { m: meeting.id, input: input(ids, sub) }, tokens.chair);
      expect(added.errors?.[0].extensions?.code).toBe(code);
    }
    const refused = await t.gql(
      UPDATE,
      { m: meeting.id, i: item.id, input: input([drafts[0].id]) },
      tokens.delegate,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await meetingOfMonth('2020-10')).toEqual(meeting);
  });

  it('tells the client who may create meetings', async () => {
    const can = async (who: string) =>
      (await t.gql('{ committee { can { createMeeting } } }', {}, tokens[who])).data!.committee.can
        .createMeeting;
    expect(await can('chair')).toBe(true);
    expect(await can('secretariat')).toBe(true);
    expect(await can('delegate')).toBe(false);
    expect(await can('observer')).toBe(false);
  });

  it('pushes every meeting created, rescheduled and deleted to every calendar', async () => {
    const client = t.ws(tokens.observer);
    const base = t.listeners(Topic.MeetingsChanged, ALL);
    const live = subscribe(
      client,
      'subscription { meetingsChanged { meetingId deleted meeting { id month title } } }',
    );
    await t.listening(Topic.MeetingsChanged, ALL, base + 1);

    const created = await t.gql(
      'mutation { createMeeting(input: { date: "2020-11-12T15:00:00Z", kind: BRIEFING, titleEn: "Briefing", titleFr: "Exposé", dateIsIndicative: true }) { id dateIsIndicative } }',
      {},
      tokens.secretariat,
    );
    const id = created.data!.createMeeting.id;
    expect(created.data!.createMeeting.dateIsIndicative).toBe(true);
    expect((await live.next()).meetingsChanged).toEqual({
      meetingId: id,
      deleted: false,
      meeting: { id, month: '2020-11', title: 'Briefing' },
    });

    await t.gql(
      'mutation($m: ID!) { updateMeeting(id: $m, input: { date: "2020-12-03T15:00:00Z" }) { id } }',
      { m: id },
      tokens.chair,
    );
    expect((await live.next()).meetingsChanged.meeting.month).toBe('2020-12');

    await t.gql('mutation($m: ID!) { deleteMeeting(id: $m) }', { m: id }, tokens.chair);
    expect((await live.next()).meetingsChanged).toEqual({
      meetingId: id,
      deleted: true,
      meeting: null,
    });
    live.dispose();
  });
});
