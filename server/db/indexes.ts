import { DraftActivityModel } from '../collaboration/activity.model';
import { DraftSnapshotModel } from '../collaboration/snapshot.model';
import { DraftUpdateModel } from '../collaboration/update.model';
import { CommentModel } from '../modules/comments/comment.model';
import { CommitteeModel } from '../modules/committee/committee.model';
import { DelegationModel } from '../modules/delegations/delegation.model';
import { DraftModel } from '../modules/drafts/draft.model';
import { MeetingModel } from '../modules/meetings/meeting.model';
import { SessionModel } from '../modules/auth/session.model';
import { UserModel } from '../modules/users/user.model';
import { WorkingGroupModel } from '../modules/working-groups/working-group.model';

const models = [CommitteeModel, WorkingGroupModel, DelegationModel, UserModel, SessionModel, MeetingModel, DraftModel, CommentModel, DraftUpdateModel, DraftSnapshotModel, DraftActivityModel];

/** Creates every declared index (idempotent); autoIndex is off so start-up does it once, in order. */
export async function ensureIndexes(): Promise<void> {
  for (const model of models) await model.createIndexes();
}
