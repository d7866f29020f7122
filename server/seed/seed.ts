import { hashPassword } from '../modules/auth/password';
import { CommitteeModel } from '../modules/committee/committee.model';
import { DelegationModel } from '../modules/delegations/delegation.model';
import { DraftModel } from '../modules/drafts/draft.model';
import { DraftStatus } from '../modules/drafts/draft-status';
import { MeetingModel } from '../modules/meetings/meeting.model';
import { seedId } from '../modules/shared/ids';
import { UserModel } from '../modules/users/user.model';
import { WorkingGroupModel } from '../modules/working-groups/working-group.model';
import { CALENDAR, SeedItem } from './calendar';
import { DELEGATIONS } from './delegations';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';
import { ADMINISTRATION_TASKS, WORKING_GROUPS } from './working-groups';

interface Upsertable {
  updateOne(
    filter: object,
    update: object,
    options: { upsert: true; timestamps: false },
  ): { exec(): Promise<{ upsertedCount: number }> };
}

/** The delegations of the demo accounts that sit in a group: the group's delegations. */
function delegationsSeatedIn(groupNumber: number) {
  const codes = new Set(
    DEMO_ACCOUNTS.filter((a) => a.delegation && a.workingGroups.includes(groupNumber)).map(
      (a) => a.delegation as string,
    ),
  );
  return [...codes].sort().map((code) => seedId(`delegation:${code}`));
}

/**
 * A database seeded before a demo account existed (working groups 3 and 4 had nobody) gets that
 * account's seats when the account is added: its delegation in its groups, and the coordination
 * it is named for if the group has no coordinator. Only then: what the Secretariat changed since
 * stays as it is.
 */
async function seatNewAccount(a: DemoAccount): Promise<void> {
  for (const n of a.workingGroups) {
    if (a.delegation)
      await WorkingGroupModel.updateOne(
        { _id: seedId(`working-group:${n}`) },
        { $addToSet: { delegationIds: seedId(`delegation:${a.delegation}`) } },
      );
  }
  if (a.coordinates !== null)
    await WorkingGroupModel.updateOne(
      { _id: seedId(`working-group:${a.coordinates}`), coordinatorId: null },
      { $set: { coordinatorId: seedId(`user:${a.key}`) } },
    );
}

export interface SeedReport {
  inserted: number;
  existing: number;
}

/**
 * Inserts whatever of the programme of work is missing and never touches what exists, so it
 * can run any number of times (and after a crash half-way) without changing edited data.
 * Seeded records have ids derived from their keys, so each step is an idempotent upsert.
 */
export async function seedDatabase(
  seedPassword: string,
  log: (msg: string) => void = () => undefined,
): Promise<SeedReport> {
  const report: SeedReport = { inserted: 0, existing: 0 };
  const insertMissing = async (
    model: Upsertable,
    filter: Record<string, unknown>,
    doc: Record<string, unknown>,
  ) => {
    // timestamps: false, or mongoose would $set updatedAt on records that already exist.
    const now = new Date();
    const result = await model
      .updateOne(
        filter,
        { $setOnInsert: { createdAt: now, updatedAt: now, ...doc } },
        { upsert: true, timestamps: false },
      )
      .exec();
    if (result.upsertedCount > 0) report.inserted += 1;
    else report.existing += 1;
  };
  const upsert = (model: unknown, key: string, doc: Record<string, unknown>) => {
    const _id = seedId(key);
    return insertMissing(model as Upsertable, { _id }, { _id, ...doc });
  };

  log('delegations');
  for (const d of DELEGATIONS) {
    await upsert(DelegationModel, `delegation:${d.code}`, {
      code: d.code,
      name: { en: d.en, fr: d.fr },
      memberSince: d.memberSince,
      permanent: d.permanent,
    });
  }

  log('committee');
  await upsert(CommitteeModel, 'committee', {
    name: {
      en: 'Security Council Committee established pursuant to resolution 1540 (2004)',
      fr: 'Comité du Conseil de sécurité créé par la résolution 1540 (2004)',
    },
    resolution: '1540 (2004)',
    programmeNumber: 19,
    periodStart: new Date('2020-02-01T00:00:00Z'),
    periodEnd: new Date('2021-01-31T00:00:00Z'),
    chairName: 'Dian Triansyah Djani',
    chairDelegationId: seedId('delegation:IDN'),
    mandateEnd: new Date('2021-04-25T00:00:00Z'),
    reviewReportDue: new Date('2020-12-31T00:00:00Z'),
    administrationTasks: ADMINISTRATION_TASKS,
  });

  log('working groups and their drafts');
  for (const g of WORKING_GROUPS) {
    const coordinator = DEMO_ACCOUNTS.find((a) => a.coordinates === g.number);
    await upsert(WorkingGroupModel, `working-group:${g.number}`, {
      number: g.number,
      paragraph: g.paragraph,
      title: g.title,
      mandate: g.mandate,
      coordinatorId: coordinator ? seedId(`user:${coordinator.key}`) : null,
      delegationIds: delegationsSeatedIn(g.number),
    });
    await upsert(DraftModel, `draft:${g.number}`, {
      workingGroupId: seedId(`working-group:${g.number}`),
      title: g.draftTitle,
      status: DraftStatus.DRAFTING,
      // Annex II, August: the drafts are due for the Committee's August meeting.
      deadline: new Date('2020-08-31T23:59:59Z'),
      createdById: null,
    });
  }

  log('calendar of meetings');
  for (const m of CALENDAR) {
    const item = (i: SeedItem, order: number, key: string) => ({
      _id: seedId(key),
      order,
      title: { en: i.en, fr: i.fr },
      reference: i.reference ?? null,
      draftIds: i.draftOf ? [seedId(`draft:${i.draftOf}`)] : [],
    });
    await upsert(MeetingModel, `meeting:${m.key}`, {
      date: new Date(m.date),
      dateIsIndicative: true,
      kind: m.kind,
      title: m.title,
      workingGroupId: null,
      version: 0,
      agenda: m.agenda.map((a, i) => ({
        ...item(a, i + 1, `agenda:${m.key}:${i + 1}`),
        subItems: (a.subItems ?? []).map((s, j) =>
          item(s, j + 1, `agenda:${m.key}:${i + 1}:${j + 1}`),
        ),
      })),
    });
  }

  log('demo accounts');
  for (const a of DEMO_ACCOUNTS) {
    // Hashing is slow on purpose; only hash for accounts that are really missing.
    if (await UserModel.exists({ email: a.email })) {
      report.existing += 1;
      continue;
    }
    await insertMissing(
      UserModel as unknown as Upsertable,
      { email: a.email },
      {
        _id: seedId(`user:${a.key}`),
        name: a.name,
        passwordHash: await hashPassword(seedPassword),
        roles: a.roles,
        delegationId: a.delegation ? seedId(`delegation:${a.delegation}`) : null,
        workingGroupIds: a.workingGroups.map((n) => seedId(`working-group:${n}`)),
        seeded: true,
      },
    );
    await seatNewAccount(a);
  }
  return report;
}
