import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { isOfficer } from '../../core/roles';
import { draftPolicy } from '../drafts/draft.policy';
import type { DraftStatus } from '../drafts/draft-status';

interface ReportDraft {
  workingGroupId: Types.ObjectId;
  status: DraftStatus | string;
  silenceProcedureId?: Types.ObjectId | null;
}

/** Who may compile the Committee's review report and keep its sections in line with their sources. */
export const reportPolicy = {
  /** The report is the Committee's, not a group's: the Chair and the Secretariat compile it. */
  compile: (u: AuthUser) => isOfficer(u),
  /**
   * Taking a source's newer version in replaces a section of the text: whoever may restore a
   * version of the report (those who manage it, unless it is adopted or under silence).
   */
  takeIn: (u: AuthUser, report: ReportDraft) => draftPolicy.restoreVersion(u, report),
};

export const reportAbilities = (u: AuthUser | null, report: ReportDraft) => ({
  takeIn: u ? reportPolicy.takeIn(u, report) : false,
});
