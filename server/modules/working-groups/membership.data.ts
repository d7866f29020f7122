import type { Types } from 'mongoose';

/** A person and a working group: to add them to it, take them out, or name them coordinator. */
export interface GroupPerson {
  workingGroupId: Types.ObjectId;
  userId: Types.ObjectId;
}

/** A delegation and a working group: to seat it there or take it out. */
export interface GroupDelegation {
  workingGroupId: Types.ObjectId;
  delegationId: Types.ObjectId;
}

/** A person's memberships as they are after a change: what their open sessions must now apply. */
export interface PersonMembership {
  userId: Types.ObjectId;
  roles: string[];
  workingGroupIds: Types.ObjectId[];
}

export type MembershipChange =
  | 'memberAdded'
  | 'memberRemoved'
  | 'coordinatorNamed'
  | 'coordinatorRemoved'
  | 'delegationAdded'
  | 'delegationRemoved';
