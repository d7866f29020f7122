import type { Types } from 'mongoose';
import type { Role } from '../../core/role';

/** A person the Secretariat invites: their account exists at once, usable once they set a password. */
export interface InviteData {
  email: string;
  name: string;
  roles: Role[];
  delegationId: Types.ObjectId | null;
  workingGroupIds: Types.ObjectId[];
}

/** What the Secretariat may change of a person's access (groups: the membership module). */
export interface AccessData {
  userId: Types.ObjectId;
  roles: Role[];
  delegationId: Types.ObjectId | null;
}

export type AccountChange =
  /** The invitation was used: the person set their password. */
  | 'invitationAccepted'
  /** A reset link was used: a new password, every other session ended. */
  | 'passwordReset'
  | 'deactivated'
  | 'reactivated'
  | 'rolesChanged';

/** What a one-time link is for. */
export enum LinkKind {
  INVITATION = 'INVITATION',
  RESET = 'RESET',
}

/** Where an account stands. */
export enum AccountStatus {
  /** Invited, no password set yet. */
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

/** How long a link works: 7 days, as the issue asks. */
export const LINK_TTL_MS = 7 * 24 * 3600_000;
