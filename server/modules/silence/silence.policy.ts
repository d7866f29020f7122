import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { Role } from '../../core/role';
import { hasRole, isOfficer } from '../../core/roles';
import { DraftStatus } from '../drafts/draft-status';

interface SilenceDraft {
  status: DraftStatus | string;
  /** The procedure under way, if any. */
  silenceProcedureId?: Types.ObjectId | null;
}

const under = (d: SilenceDraft) => !!d.silenceProcedureId;

/**
 * Who may do what with the silence procedure. Circulating a text for adoption in writing is the
 * Committee's business (the Chair and the Secretariat), not a working group's; breaking silence
 * is a delegation's act, in writing, by one of its delegates, whatever group they sit in; only
 * the Chair, who circulated the text in the Committee's name, withdraws it.
 */
export const silencePolicy = {
  start: (u: AuthUser, d: SilenceDraft) =>
    isOfficer(u) && d.status !== DraftStatus.ADOPTED && !under(d),
  /** The rule without the draft's state: whether to say "not yours" rather than "not now". */
  mayStart: (u: AuthUser) => isOfficer(u),
  break: (u: AuthUser, d: SilenceDraft) => silencePolicy.mayBreak(u) && under(d),
  mayBreak: (u: AuthUser) => hasRole(u, Role.DELEGATE) && u.delegationId !== null,
  withdraw: (u: AuthUser, d: SilenceDraft) => silencePolicy.mayWithdraw(u) && under(d),
  mayWithdraw: (u: AuthUser) => hasRole(u, Role.CHAIR),
};

export interface SilenceAbilityValues {
  startSilence: boolean;
  breakSilence: boolean;
  withdrawSilence: boolean;
}

/** What the signed-in person (null: nobody) may do with the draft's silence procedure now. */
export function silenceAbilities(u: AuthUser | null, d: SilenceDraft): SilenceAbilityValues {
  if (!u) return { startSilence: false, breakSilence: false, withdrawSilence: false };
  return {
    startSilence: silencePolicy.start(u, d),
    breakSilence: silencePolicy.break(u, d),
    withdrawSilence: silencePolicy.withdraw(u, d),
  };
}
