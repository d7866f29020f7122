import mongoose, { type Types } from 'mongoose';
import { DelegationModel } from '../delegations/delegation.model';
import { Role } from '../users/role';
import { UserModel } from '../users/user.model';

// Who is concerned by what: read fresh from the people's records at each event, so a change of
// membership counts from the next notice on.

const ids = (docs: { _id: Types.ObjectId }[]) => docs.map((d) => d._id);

/** The members of a working group (people assigned to it). */
export async function groupMembers(workingGroupId: Types.ObjectId): Promise<Types.ObjectId[]> {
  return ids(await UserModel.find({ workingGroupIds: workingGroupId }, { _id: 1 }).lean());
}

export async function withRole(...roles: Role[]): Promise<Types.ObjectId[]> {
  return ids(await UserModel.find({ roles: mongoose.trusted({ $in: roles }) }, { _id: 1 }).lean());
}

/** The Chair and the Secretariat, who follow every draft. */
export const officers = () => withRole(Role.CHAIR, Role.SECRETARIAT);

export async function delegationMembers(
  delegationIds: readonly Types.ObjectId[],
): Promise<Types.ObjectId[]> {
  if (delegationIds.length === 0) return [];
  return ids(
    await UserModel.find(
      { delegationId: mongoose.trusted({ $in: [...delegationIds] }) },
      { _id: 1 },
    ).lean(),
  );
}

/** Everything an @mention can name: people by name, delegations by their English or French name. */
export interface Mentionable {
  name: string;
  userId: Types.ObjectId | null;
  delegationId: Types.ObjectId | null;
}

export async function mentionables(): Promise<Mentionable[]> {
  const [users, delegations] = await Promise.all([
    UserModel.find({}, { name: 1 }).lean(),
    DelegationModel.find({}, { name: 1 }).lean(),
  ]);
  return [
    ...users.map((u) => ({ name: u.name, userId: u._id, delegationId: null })),
    ...delegations.flatMap((d) =>
      [...new Set([d.name.en, d.name.fr])].map((name) => ({
        name,
        userId: null,
        delegationId: d._id,
      })),
    ),
  ];
}
