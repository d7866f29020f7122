import type { Types } from 'mongoose';
import type { Role } from './role';

/** The signed-in person, the same whether a request came over GraphQL, HTTP or a script. */
export interface AuthUser {
  id: string;
  _id: Types.ObjectId;
  name: string;
  email: string;
  roles: Role[];
  delegationId: Types.ObjectId | null;
  workingGroupIds: Types.ObjectId[];
  sessionId: Types.ObjectId;
  sessionExpiresAt: Date;
}
