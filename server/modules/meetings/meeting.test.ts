import { buildUser } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { Role } from '../users/role';

const MEETING =
  'query($id: ID!) { meeting(id: $id) { version agenda { id order title reference subItems { id title } } } }';
const ADD =
  'mutation($m: ID!, $p: Int) { addAgendaItem(meetingId: $m, position: $p, input: { titleEn: "Any other business", titleFr: "Questions diverses", reference: "par. 4" }) { version agenda { order title } } }';

describe('meetings and agendas: the Chair and the Secretariat manage, everyone signed in reads', () => {
  let t: TestPlatform;
  let tokens: Record<string, string>;
  let meetingId: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    tokens = {
      chair: await t.login('chair@committee.test'),
      secretariat: await t.login('secretariat@committee.test'),
      coordinator: await t.login('coordinator@committee.test'),
      delegate: await t.login('delegate@committee.test'),
      expert: await t.login('expert@committee.test'),
      observer: await t.login('observer@committee.test'),
    };
    const feb = await t.gql('{ meetings(month: "2020-02") { id } }', {}, tokens.observer);
    meetingId = feb.data!.meetings[0].id;
  });
  afterAll(() => t.stop());

  const snapshot = async () =>
    JSON.stringify((await t.gql(MEETING, { id: meetingId }, tokens.observer)).data);

  it.each(['coordinator', 'delegate', 'expert', 'observer'])(
    'refuses every agenda change by the %s and changes nothing',
    async (who) => {
      const before = await snapshot();
      const item = JSON.parse(before).meeting.agenda[0].id;
      const attempts = [
        t.gql(ADD, { m: meetingId }, tokens[who]),
        t.gql(
          'mutation($m: ID!, $i: ID!) { removeAgendaItem(meetingId: $m, itemId: $i) { version } }',
          { m: meetingId, i: item },
          tokens[who],
        ),
        t.gql(
          'mutation($m: ID!, $i: ID!) { moveAgendaItem(meetingId: $m, itemId: $i, toOrder: 2) { version } }',
          { m: meetingId, i: item },
          tokens[who],
        ),
        t.gql(
          'mutation($m: ID!) { updateMeeting(id: $m, input: { titleEn: "Renamed meeting" }) { version } }',
          { m: meetingId },
          tokens[who],
        ),
        t.gql(
          'mutation { createMeeting(input: { date: "2020-09-10T15:00:00Z", kind: COMMITTEE, titleEn: "Extra", titleFr: "Extra" }) { id } }',
          {},
          tokens[who],
        ),
        t.gql('mutation($m: ID!) { deleteMeeting(id: $m) }', { m: meetingId }, tokens[who]),
      ];
      for (const res of await Promise.all(attempts))
        expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(await snapshot()).toBe(before);
    },
  );

  it('lets the Chair add, move and remove items, renumbering the agenda and pushing each change live', async () => {
    const client = t.ws(tokens.delegate);
    const base = t.listeners(Topic.AgendaChanged, meetingId);
    const live = subscribe(
      client,
      'subscription($m: ID!) { agendaChanged(meetingId: $m) { version agenda { order title(lang: FR) } } }',
      { m: meetingId },
    );
    await t.listening(Topic.AgendaChanged, meetingId, base + 1);

    const added = await t.gql(ADD, { m: meetingId, p: 1 }, tokens.chair);
    expect(added.data!.addAgendaItem.agenda[0]).toEqual({ order: 1, title: 'Any other business' });
    expect(added.data!.addAgendaItem.agenda).toHaveLength(7);
    const pushed = await live.next();
    expect(pushed.agendaChanged.agenda[0]).toEqual({ order: 1, title: 'Questions diverses' });

    const items = JSON.parse(await snapshot()).meeting.agenda;
    const moved = await t.gql(
      'mutation($m: ID!, $i: ID!) { moveAgendaItem(meetingId: $m, itemId: $i, toOrder: 7) { agenda { id order } } }',
      { m: meetingId, i: items[0].id },
      tokens.secretariat,
    );
    const order = moved.data!.moveAgendaItem.agenda;
    expect(order[6].id).toBe(items[0].id);
    expect(order.map((i: { order: number }) => i.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await live.next()).agendaChanged.agenda[6].title).toBe('Questions diverses');

    const removed = await t.gql(
      'mutation($m: ID!, $i: ID!) { removeAgendaItem(meetingId: $m, itemId: $i) { agenda { id } } }',
      { m: meetingId, i: items[0].id },
      tokens.chair,
    );
    expect(removed.data!.removeAgendaItem.agenda).toHaveLength(6);
    expect((await live.next()).agendaChanged.agenda).toHaveLength(6);
  });

  it('keeps sub-item ids when an item is edited with them', async () => {
    const march = (
      await t.gql(
        '{ meetings(month: "2020-03") { id agenda { id title subItems { id title(lang: FR) } } } }',
        {},
        tokens.chair,
      )
    ).data!.meetings;
    const meeting = march.find((m: { agenda: { subItems: unknown[] }[] }) =>
      m.agenda.some((a) => a.subItems.length > 0),
    );
    const item = meeting.agenda.find((a: { subItems: unknown[] }) => a.subItems.length > 0);
    const keep = item.subItems[0];
    const res = await t.gql(
      'mutation($m: ID!, $i: ID!, $input: AgendaItemInput!) { updateAgendaItem(meetingId: $m, itemId: $i, input: $input) { agenda { id subItems { id title } } } }',
      {
        m: meeting.id,
        i: item.id,
        input: {
          titleEn: 'Letters',
          titleFr: 'Lettres',
          subItems: [
            { id: keep.id, titleEn: 'National implementation', titleFr: keep.title },
            { titleEn: 'New area', titleFr: 'Nouveau domaine' },
          ],
        },
      },
      tokens.secretariat,
    );
    const updated = res.data!.updateAgendaItem.agenda.find((a: { id: string }) => a.id === item.id);
    expect(updated.subItems.map((s: { id: string }) => s.id)[0]).toBe(keep.id);
    expect(updated.subItems).toHaveLength(2);
  });

  it('creates meetings with an agenda for the Chair, narrowed by month', async () => {
    const res = await t.gql(
      'mutation { createMeeting(input: { date: "2020-09-10T15:00:00Z", kind: WORKING_GROUP, titleEn: "WG 1 meeting", titleFr: "Réunion du GT 1", agenda: [{ titleEn: "Draft", titleFr: "Projet" }] }) { id month kind agenda { order title } } }',
      {},
      tokens.chair,
    );
    expect(res.data!.createMeeting).toMatchObject({
      month: '2020-09',
      kind: 'WORKING_GROUP',
      agenda: [{ order: 1, title: 'Draft' }],
    });
    const sept = await t.gql('{ meetings(month: "2020-09") { id } }', {}, tokens.observer);
    expect(sept.data!.meetings).toHaveLength(1);
  });

  it('lets any Secretariat account manage, not only the demo one', async () => {
    const other = await buildUser(t, [Role.SECRETARIAT]);
    const res = await t.gql(
      'mutation($m: ID!) { updateMeeting(id: $m, input: { titleEn: "Renamed by secretariat" }) { title } }',
      { m: meetingId },
      other.token,
    );
    expect(res.data!.updateMeeting.title).toBe('Renamed by secretariat');
  });
});
