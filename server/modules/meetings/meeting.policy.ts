import type { AuthUser } from '../../core/auth-user';
import { isGuest, isOfficer } from '../../core/roles';
import { commentPolicy } from '../comments/comment.policy';

/** Meetings and their agendas are the Chair's and the Secretariat's to manage; everyone signed in reads them. */
export const meetingPolicy = {
  /** Everyone signed in but a guest (MEMBER_STATE), whom open consultations will let in later. */
  read: (u: AuthUser) => !isGuest(u),
  manage: (u: AuthUser) => isOfficer(u),
};

/** What the signed-in person (null: nobody) may do with a meeting. */
export const meetingAbilities = (u: AuthUser | null) => ({
  manage: !!u && meetingPolicy.manage(u),
});

/** What the signed-in person (null: nobody) may do with an agenda item. */
export const agendaItemAbilities = (u: AuthUser | null) => ({
  comment: !!u && commentPolicy.addOnAgenda(u),
});
