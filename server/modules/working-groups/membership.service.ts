import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { appError, badInput, ErrorCode, notFound } from '../../core/errors';
import { Role } from '../../core/role';
import { sessionCache } from '../auth/session-cache';
import { DelegationModel } from '../delegations/delegation.model';
import type { DomainEvents } from '../shared/domain-events';
import { type UserDoc, UserModel } from '../users/user.model';
import type {
  GroupDelegation,
  GroupPerson,
  MembershipChange,
  PersonMembership,
} from './membership.data';
import { type WorkingGroupDoc, WorkingGroupModel } from './working-group.model';
import { workingGroupPolicy } from './working-group.policy';

const REFUSED = 'Only the Secretariat assigns delegations and people to working groups.';

async function findGroup(id: Types.ObjectId): Promise<WorkingGroupDoc> {
  const group = await WorkingGroupModel.findById(id).lean<WorkingGroupDoc>();
  if (!group) throw notFound('Working group', id.toHexString());
  return group;
}

async function findPerson(id: Types.ObjectId): Promise<UserDoc> {
  const person = await UserModel.findById(id).lean<UserDoc>();
  if (!person) throw notFound('Person', id.toHexString());
  return person;
}

/**
 * An observer reads only, and a Member State guest sees nothing of the groups yet: a seat in a
 * group (let alone its coordination) would give them nothing.
 */
function assertCanSit(person: UserDoc, what: 'member' | 'coordinator'): void {
  if (person.roles.includes(Role.MEMBER_STATE))
    throw badInput(
      `${person.name} is a Member State guest of an open consultation and cannot be a ${what} of a working group.`,
      'userId',
    );
  if (person.roles.every((r) => r === Role.OBSERVER))
    throw badInput(
      `${person.name} is an observer, who reads only, and cannot be a ${what} of a working group.`,
      'userId',
    );
}

/** Groups named for messages: "working group 1", "working groups 1 and 2". */
async function groupNames(ids: Types.ObjectId[]): Promise<string> {
  const groups = await WorkingGroupModel.find(
    { _id: mongoose.trusted({ $in: ids }) },
    { number: 1 },
  ).lean();
  const numbers = groups.map((g) => g.number).sort();
  if (numbers.length < 2) return `working group ${numbers[0]}`;
  return `working groups ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/**
 * A coordinator manages the drafts of every group they sit in (`coordinates` in core/roles: the
 * role and a seat). So a coordinator sits only in the groups they coordinate: the Secretariat is
 * told so rather than silently making someone manage another group's drafts.
 */
async function assertNoStrayCoordination(
  person: UserDoc,
  groupId: Types.ObjectId,
  what: 'seat' | 'name',
): Promise<void> {
  if (what === 'seat' && !person.roles.includes(Role.COORDINATOR)) return;
  const coordinated = (
    await WorkingGroupModel.find({ coordinatorId: person._id }, { _id: 1 }).lean()
  ).map((g) => g._id);
  if (what === 'seat') {
    const where = coordinated.length > 0 ? await groupNames(coordinated) : 'a working group';
    throw appError(
      ErrorCode.Conflict,
      `${person.name} coordinates ${where}; seated here, they would manage this group's drafts too. Name them coordinator here instead, or seat someone else.`,
      { field: 'userId' },
    );
  }
  const stray = (person.workingGroupIds ?? []).filter(
    (id) => !id.equals(groupId) && !coordinated.some((c) => c.equals(id)),
  );
  if (stray.length === 0) return;
  throw appError(
    ErrorCode.Conflict,
    `${person.name} also sits in ${await groupNames(stray)}, whose drafts a coordinator would manage too: take them out of ${stray.length > 1 ? 'those' : 'it'} first, or name someone else.`,
    { field: 'userId' },
  );
}

/** What a person's sessions must now hold, read after the writes. */
async function membershipOf(userId: Types.ObjectId): Promise<PersonMembership> {
  const person = await UserModel.findById(userId, { roles: 1, workingGroupIds: 1 }).lean<UserDoc>();
  return {
    userId,
    roles: person?.roles ?? [],
    workingGroupIds: person?.workingGroupIds ?? [],
  };
}

/**
 * The COORDINATOR role follows the groups a person is named for: given with the first, taken
 * with the last. The rights are the role's in the groups the person sits in (`coordinates` in
 * core/roles), which `assertNoStrayCoordination` keeps to the groups they coordinate.
 */
async function syncCoordinatorRole(userId: Types.ObjectId): Promise<void> {
  const coordinates = await WorkingGroupModel.exists({ coordinatorId: userId });
  await UserModel.updateOne(
    { _id: userId },
    coordinates
      ? { $addToSet: { roles: Role.COORDINATOR } }
      : { $pull: { roles: Role.COORDINATOR } },
  );
}

/** Tells the people concerned, at once on this instance and through the event on the others. */
async function announce(
  groupId: Types.ObjectId,
  change: MembershipChange,
  by: AuthUser,
  userIds: Types.ObjectId[],
  events: DomainEvents,
): Promise<WorkingGroupDoc> {
  const [workingGroup, people] = await Promise.all([
    findGroup(groupId),
    Promise.all(userIds.map((id) => membershipOf(id))),
  ]);
  // Before the caller hears it is done: their next request on this instance reads them afresh.
  for (const p of people) sessionCache.forgetUser(p.userId.toHexString());
  events.emit('workingGroup.membershipChanged', { workingGroup, change, byId: by._id, people });
  return workingGroup;
}

/** Seats a person in a group: they may then edit its drafts (at once, in their open pages too). */
export async function addWorkingGroupMember(
  user: AuthUser,
  { workingGroupId, userId }: GroupPerson,
  events: DomainEvents,
): Promise<WorkingGroupDoc> {
  authorize(workingGroupPolicy.manageMembers(user), REFUSED);
  const [group, person] = await Promise.all([findGroup(workingGroupId), findPerson(userId)]);
  assertCanSit(person, 'member');
  if ((person.workingGroupIds ?? []).some((id) => id.equals(group._id))) return group;
  await assertNoStrayCoordination(person, workingGroupId, 'seat');
  await UserModel.updateOne({ _id: userId }, { $addToSet: { workingGroupIds: workingGroupId } });
  return announce(workingGroupId, 'memberAdded', user, [userId], events);
}

/** Takes a person out of a group; if they coordinated it, the group has no coordinator then. */
export async function removeWorkingGroupMember(
  user: AuthUser,
  { workingGroupId, userId }: GroupPerson,
  events: DomainEvents,
): Promise<WorkingGroupDoc> {
  authorize(workingGroupPolicy.manageMembers(user), REFUSED);
  const [group, person] = await Promise.all([findGroup(workingGroupId), findPerson(userId)]);
  if (!(person.workingGroupIds ?? []).some((id) => id.equals(group._id))) return group;
  await UserModel.updateOne({ _id: userId }, { $pull: { workingGroupIds: workingGroupId } });
  if (group.coordinatorId?.equals(userId)) {
    await WorkingGroupModel.updateOne(
      { _id: workingGroupId, coordinatorId: userId },
      { $set: { coordinatorId: null } },
    );
    await syncCoordinatorRole(userId);
  }
  return announce(workingGroupId, 'memberRemoved', user, [userId], events);
}

/**
 * Names a group's coordinator (a member of it from then on, if not already), or none (userId
 * null); the coordinator replaced stays a member.
 */
export async function setWorkingGroupCoordinator(
  user: AuthUser,
  { workingGroupId, userId }: { workingGroupId: Types.ObjectId; userId: Types.ObjectId | null },
  events: DomainEvents,
): Promise<WorkingGroupDoc> {
  authorize(workingGroupPolicy.manageMembers(user), REFUSED);
  const group = await findGroup(workingGroupId);
  const previous = group.coordinatorId ?? null;
  if (userId === null ? previous === null : previous?.equals(userId)) return group;
  if (userId) {
    const person = await findPerson(userId);
    assertCanSit(person, 'coordinator');
    await assertNoStrayCoordination(person, workingGroupId, 'name');
    await UserModel.updateOne({ _id: userId }, { $addToSet: { workingGroupIds: workingGroupId } });
  }
  await WorkingGroupModel.updateOne({ _id: workingGroupId }, { $set: { coordinatorId: userId } });
  const concerned = [previous, userId].filter((id): id is Types.ObjectId => id !== null);
  for (const id of concerned) await syncCoordinatorRole(id);
  return announce(
    workingGroupId,
    userId ? 'coordinatorNamed' : 'coordinatorRemoved',
    user,
    concerned,
    events,
  );
}

/** Seats a delegation in a group. */
export async function addWorkingGroupDelegation(
  user: AuthUser,
  { workingGroupId, delegationId }: GroupDelegation,
  events: DomainEvents,
): Promise<WorkingGroupDoc> {
  authorize(workingGroupPolicy.manageMembers(user), REFUSED);
  const [group, delegation] = await Promise.all([
    findGroup(workingGroupId),
    DelegationModel.exists({ _id: delegationId }),
  ]);
  if (!delegation) throw notFound('Delegation', delegationId.toHexString());
  if ((group.delegationIds ?? []).some((id) => id.equals(delegationId))) return group;
  await WorkingGroupModel.updateOne(
    { _id: workingGroupId },
    { $addToSet: { delegationIds: delegationId } },
  );
  return announce(workingGroupId, 'delegationAdded', user, [], events);
}

/** Takes a delegation out of a group (its delegates' own seats are theirs to keep or lose). */
export async function removeWorkingGroupDelegation(
  user: AuthUser,
  { workingGroupId, delegationId }: GroupDelegation,
  events: DomainEvents,
): Promise<WorkingGroupDoc> {
  authorize(workingGroupPolicy.manageMembers(user), REFUSED);
  const group = await findGroup(workingGroupId);
  if (!(group.delegationIds ?? []).some((id) => id.equals(delegationId))) return group;
  await WorkingGroupModel.updateOne(
    { _id: workingGroupId },
    { $pull: { delegationIds: delegationId } },
  );
  return announce(workingGroupId, 'delegationRemoved', user, [], events);
}

/**
 * Whom the Secretariat may seat in a group now: not yet in it, not an observer, and not a
 * coordinator (of another group: see `assertNoStrayCoordination`). Empty for anyone else, so the
 * client offers exactly what the server would accept.
 */
export async function seatablePeople(
  user: AuthUser | null,
  group: Pick<WorkingGroupDoc, '_id'>,
): Promise<UserDoc[]> {
  if (!user || !workingGroupPolicy.manageMembers(user)) return [];
  const people = await UserModel.find().sort({ name: 1 }).lean<UserDoc[]>();
  return people.filter(
    (p) =>
      !p.deactivatedAt &&
      !(p.workingGroupIds ?? []).some((id) => id.equals(group._id)) &&
      !p.roles.includes(Role.MEMBER_STATE) &&
      !p.roles.every((r) => r === Role.OBSERVER) &&
      !p.roles.includes(Role.COORDINATOR),
  );
}
