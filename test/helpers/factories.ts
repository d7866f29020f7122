import mongoose, { Types } from 'mongoose';
import { hashPassword } from '../../server/modules/auth/password';
import { DelegationModel } from '../../server/modules/delegations/delegation.model';
import { DraftModel } from '../../server/modules/drafts/draft.model';
import { MeetingModel } from '../../server/modules/meetings/meeting.model';
import { MeetingKind } from '../../server/modules/meetings/meeting-kind';
import { Role } from '../../server/modules/users/role';
import { UserModel } from '../../server/modules/users/user.model';
import { WorkingGroupModel } from '../../server/modules/working-groups/working-group.model';
import type { TestPlatform } from './test-platform';

let counter = 0;
let passwordHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = 'factory-password-1540';

export async function workingGroupId(number: number): Promise<Types.ObjectId> {
  const group = await WorkingGroupModel.findOne({ number }).lean();
  if (!group) throw new Error(`working group ${number} is not seeded`);
  return group._id;
}

/** A person with the given roles and working groups (by number), signed in; a delegation by code. */
export async function buildUser(
  t: TestPlatform,
  roles: Role[],
  groups: number[] = [],
  options: { delegation?: string } = {},
): Promise<{ id: string; token: string; email: string }> {
  counter += 1;
  const email = `person${counter}.${Date.now()}@test.example`;
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const user = await UserModel.create({
    email,
    name: `Test person ${counter}`,
    passwordHash: await passwordHash,
    roles,
    workingGroupIds: await Promise.all(groups.map(workingGroupId)),
    delegationId: options.delegation
      ? ((await DelegationModel.findOne({ code: options.delegation }).lean())?._id ?? null)
      : null,
  });
  return { id: user._id.toHexString(), token: await t.login(email, FACTORY_PASSWORD), email };
}

export async function draftOf(number: number): Promise<string> {
  const draft = await DraftModel.findOne({ workingGroupId: await workingGroupId(number) }).lean();
  if (!draft) throw new Error(`no draft for group ${number}`);
  return draft._id.toHexString();
}

/** The first seeded meeting of a month, with its first agenda item. */
export async function meetingOf(
  month: string,
): Promise<{ meetingId: string; itemId: string; version: number }> {
  const start = new Date(`${month}-01T00:00:00Z`);
  const meeting = await MeetingModel.findOne({ date: mongoose.trusted({ $gte: start }) })
    .sort({ date: 1 })
    .lean();
  if (!meeting) throw new Error(`no meeting in ${month}`);
  return {
    meetingId: meeting._id.toHexString(),
    itemId: meeting.agenda[0]._id.toHexString(),
    version: meeting.version ?? 0,
  };
}

/** A new draft of a working group (by number), in its first status, that no other test touches. */
export async function buildDraft(group: number): Promise<string> {
  counter += 1;
  const draft = await DraftModel.create({
    workingGroupId: await workingGroupId(group),
    title: { en: `Test draft ${counter}`, fr: `Projet d’essai ${counter}` },
  });
  return draft._id.toHexString();
}

/**
 * A new Committee meeting on `day` (YYYY-MM-DD) with one agenda item, that no other test touches;
 * `month` is what the `meetings(month:)` query takes to list it.
 */
export async function buildAgendaItem(
  day = '2020-02-28',
): Promise<{ meetingId: string; itemId: string; month: string }> {
  counter += 1;
  const meeting = await MeetingModel.create({
    date: new Date(`${day}T10:00:00Z`),
    kind: MeetingKind.COMMITTEE,
    title: { en: `Test meeting ${counter}`, fr: `Réunion d’essai ${counter}` },
    agenda: [{ order: 1, title: { en: `Test item ${counter}`, fr: `Point d’essai ${counter}` } }],
  });
  return {
    meetingId: meeting._id.toHexString(),
    itemId: meeting.agenda[0]._id.toHexString(),
    month: day.slice(0, 7),
  };
}
