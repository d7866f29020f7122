import mongoose from 'mongoose';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../../test/helpers/test-platform';
import { until } from '../../test/helpers/wait';
import { seedDatabase } from './seed';

/** Every collection's documents, for comparing the database before and after a second seed. */
async function dump(): Promise<string> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections().toArray())
    .map((c) => c.name)
    .filter((n) => n !== 'sessions')
    .sort();
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await db.collection(name).find().sort({ _id: 1 }).toArray();
  return JSON.stringify(out);
}

// Annex II: the number of activities (agenda items) listed for each month.
const ITEMS_PER_MONTH: Record<string, number> = {
  '2020-02': 6,
  '2020-03': 7,
  '2020-04': 2,
  '2020-05': 2,
  '2020-06': 3,
  '2020-07': 1,
  '2020-08': 3,
  '2020-10': 2,
  '2020-11': 1,
  '2020-12': 1,
};

describe('seed: the nineteenth programme of work', () => {
  let t: TestPlatform;
  let token: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    token = await t.login('observer@committee.test');
  });
  afterAll(() => t.stop());

  it('has the Committee with its period, chair and deadlines', async () => {
    const res = await t.gql(
      '{ committee { programmeNumber periodStart periodEnd chairName mandateEnd reviewReportDue name(lang: FR) administrationTasks { letter text } } }',
      {},
      token,
    );
    const c = res.data!.committee;
    expect(c).toMatchObject({
      programmeNumber: 19,
      chairName: 'Dian Triansyah Djani',
      name: 'Comité du Conseil de sécurité créé par la résolution 1540 (2004)',
    });
    expect(c.periodStart.slice(0, 10)).toBe('2020-02-01');
    expect(c.periodEnd.slice(0, 10)).toBe('2021-01-31');
    expect(c.mandateEnd.slice(0, 10)).toBe('2021-04-25');
    expect(c.reviewReportDue.slice(0, 10)).toBe('2020-12-31');
    expect(c.administrationTasks.map((x: { letter: string }) => x.letter)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
    ]);
  });

  it('has the four working groups with their mandates in English and French, each with its empty draft', async () => {
    const res = await t.gql(
      '{ workingGroups { number paragraph title titleFr: title(lang: FR) mandate mandateTasks { letter text(lang: FR) } drafts { title status deadline } } }',
      {},
      token,
    );
    const groups = res.data!.workingGroups;
    expect(
      groups.map((g: { number: number; paragraph: number }) => [g.number, g.paragraph]),
    ).toEqual([
      [1, 8],
      [2, 9],
      [3, 10],
      [4, 11],
    ]);
    expect(groups.map((g: { titleFr: string }) => g.titleFr)).toEqual([
      'Suivi et mise en œuvre au niveau national',
      'Assistance',
      'Coopération avec les organisations internationales et d’autres organismes des Nations Unies',
      'Transparence et relations avec les médias',
    ]);
    expect(groups.map((g: { mandateTasks: unknown[] }) => g.mandateTasks.length)).toEqual([
      10, 10, 10, 7,
    ]);
    for (const g of groups) {
      expect(g.mandate.split('\n')[0]).toMatch(/^a\) /);
      expect(g.drafts).toHaveLength(1);
      expect(g.drafts[0]).toMatchObject({ status: 'DRAFTING' });
      expect(g.drafts[0].deadline.slice(0, 10)).toBe('2020-08-31');
    }
  });

  it('has the 15 Council members of 2020 and the 5 States joining in 2021', async () => {
    const res = await t.gql('{ delegations { code memberSince permanent } }', {}, token);
    const delegations = res.data!.delegations as {
      code: string;
      memberSince: number;
      permanent: boolean;
    }[];
    expect(delegations.filter((d) => d.memberSince <= 2020)).toHaveLength(15);
    expect(delegations.filter((d) => d.permanent)).toHaveLength(5);
    expect(
      delegations
        .filter((d) => d.memberSince === 2021)
        .map((d) => d.code)
        .sort(),
    ).toEqual(['IND', 'IRL', 'KEN', 'MEX', 'NOR']);
  });

  it('has every month of the calendar with its agenda items, sub-items and modalities references', async () => {
    const res = await t.gql(
      '{ meetings { month date kind title(lang: FR) dateIsIndicative agenda { order title(lang: FR) reference subItems { order title(lang: FR) reference } } } }',
      {},
      token,
    );
    const meetings = res.data!.meetings as {
      month: string;
      kind: string;
      dateIsIndicative: boolean;
      agenda: {
        order: number;
        title: string;
        reference: string | null;
        subItems: { title: string; reference: string | null }[];
      }[];
    }[];
    const perMonth: Record<string, number> = {};
    for (const m of meetings) perMonth[m.month] = (perMonth[m.month] ?? 0) + m.agenda.length;
    expect(perMonth).toEqual(ITEMS_PER_MONTH);
    for (const m of meetings) {
      expect(m.dateIsIndicative).toBe(true);
      expect(m.agenda.map((a) => a.order)).toEqual(m.agenda.map((_, i) => i + 1));
    }
    const all = meetings.flatMap((m) => m.agenda);
    expect(all.find((a) => a.title.startsWith('Examen des projets de lettres'))?.reference).toBe(
      'par. 6 c) i-iii)',
    );
    expect(all.find((a) => a.title.startsWith('Choix du format du rapport final'))?.reference).toBe(
      'par. 10',
    );
    const letters = all.find((a) => a.title.startsWith('Envoi de lettres'));
    expect(letters?.subItems.map((s) => s.title.split(' :')[0])).toEqual([
      'Mise en œuvre nationale',
      'Assistance',
      'Coopération internationale',
    ]);
    const august = meetings.filter((m) => m.month === '2020-08');
    expect(august.map((m) => m.kind).sort()).toEqual(['COMMITTEE', 'RETREAT']);
    const drafts = august
      .flatMap((m) => m.agenda)
      .find((a) => a.title.startsWith('Projet de conclusions'));
    expect(drafts?.subItems).toHaveLength(4);
    const december = meetings.find((m) => m.month === '2020-12')!;
    expect(december.agenda[0].subItems.map((s) => s.reference)).toEqual([
      'par. 4',
      null,
      'par. 11 e)',
    ]);
    expect(new Set(meetings.map((m) => m.kind))).toEqual(
      new Set([
        'COMMITTEE',
        'BRIEFING',
        'OUTREACH',
        'INFORMAL_EXPERTS',
        'OPEN_CONSULTATION',
        'RETREAT',
      ]),
    );
  });

  it('has one demo account per role, each signing in with SEED_PASSWORD', async () => {
    const res = await t.gql('{ users { email roles } }', {}, token);
    const roles = new Set((res.data!.users as { roles: string[] }[]).flatMap((u) => u.roles));
    expect(roles).toEqual(
      new Set([
        'CHAIR',
        'COORDINATOR',
        'DELEGATE',
        'EXPERT',
        'SECRETARIAT',
        'OBSERVER',
        'MEMBER_STATE',
      ]),
    );
    for (const email of ['chair', 'coordinator', 'delegate', 'expert', 'secretariat', 'guest']) {
      expect(await t.login(`${email}@committee.test`, TEST_PASSWORD)).toBeTruthy();
    }
  });

  it('seeding again changes nothing, and keeps what people edited', async () => {
    const chair = await t.login('chair@committee.test');
    const drafts = await t.gql('{ drafts { id } }', {}, chair);
    const draftId = drafts.data!.drafts[0].id;
    await t.gql(
      'mutation($id: ID!) { setDraftStatus(id: $id, status: IN_REVIEW) { status } }',
      { id: draftId },
      chair,
    );
    // The audit entry of that change is written after the answer: it belongs to `before`.
    await until(
      async () =>
        (await mongoose.connection.db!.collection('auditentries').countDocuments({
          action: 'DRAFT_STATUS_CHANGED',
        })) > 0,
      10_000,
      'the audit entry of the status change',
    );
    const before = await dump();
    const report = await seedDatabase(TEST_PASSWORD);
    expect(report.inserted).toBe(0);
    expect(report.existing).toBeGreaterThan(40);
    expect(await dump()).toBe(before);
    const after = await t.gql(
      'query($id: ID!) { draft(id: $id) { status } }',
      { id: draftId },
      chair,
    );
    expect(after.data!.draft.status).toBe('IN_REVIEW');
  });
});
