import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { draftPolicy } from '../drafts/draft.policy';

/** What the signed-in person (null: nobody) may do in a working group; its drafts' rules decide. */
export const workingGroupAbilities = (u: AuthUser | null, workingGroupId: Types.ObjectId) => ({
  createDraft: !!u && draftPolicy.create(u, workingGroupId),
});
