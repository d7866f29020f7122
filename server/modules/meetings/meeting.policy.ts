import type { AuthUser } from '../../graphql/context';
import { isOfficer } from '../shared/roles';

/** Meetings and their agendas are the Chair's and the Secretariat's to manage; everyone signed in reads them. */
export const meetingPolicy = {
  manage: (u: AuthUser) => isOfficer(u),
};
