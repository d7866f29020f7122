// Importing a model module registers it with mongoose; ensureIndexes builds indexes for whatever is
// registered, so every model module is imported here, before start-up asks for the list.
// `indexes.test.ts` fails when a `*.model.ts` file is missing from this list.
import '../collaboration/activity.model';
import '../collaboration/history-progress.model';
import '../collaboration/snapshot.model';
import '../collaboration/update.model';
import '../modules/accounts/account-link.model';
import '../modules/audit/audit.model';
import '../modules/auth/session.model';
import '../modules/comments/comment.model';
import '../modules/consultations/consultation.model';
import '../modules/committee/committee.model';
import '../modules/decisions/claim.model';
import '../modules/decisions/decision.model';
import '../modules/delegations/delegation.model';
import '../modules/drafts/draft.model';
import '../modules/meetings/meeting.model';
import '../modules/notifications/notification.model';
import '../modules/readings/reading.model';
import '../modules/readings/reading-outcome.model';
import '../modules/paragraphs/paragraph.model';
import '../modules/revisions/revision.model';
import '../modules/silence/silence.model';
import '../modules/users/user.model';
import '../modules/versions/attribution.model';
import '../modules/versions/version.model';
import '../modules/visits/visit.model';
import '../modules/working-groups/working-group.model';
