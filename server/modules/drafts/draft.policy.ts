import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { Role } from '../../core/role';
import { coordinates, hasRole, isGuest, isMemberOf, isOfficer, writes } from '../../core/roles';
import { DraftStatus } from './draft-status';

interface DraftRef {
  workingGroupId: Types.ObjectId;
}

interface DraftWithStatus extends DraftRef {
  status: DraftStatus | string;
  /** The silence procedure under way (absent: none). */
  silenceProcedureId?: Types.ObjectId | null;
}

/** Who may do what with a working group's draft. Every signed-in person but a guest may read. */
export const draftPolicy = {
  /** A guest (MEMBER_STATE) reads no draft for now: open consultations will say what they see. */
  read: (u: AuthUser) => !isGuest(u),
  /** Who writes this draft's text at all, whatever its status: its group's members and the officers. */
  write: (u: AuthUser, d: DraftRef) =>
    isOfficer(u) || (writes(u) && isMemberOf(u, d.workingGroupId)),
  /** A text under the silence procedure is the one circulated: nobody edits it meanwhile. */
  underSilence: (d: Pick<DraftWithStatus, 'silenceProcedureId'>) => !!d.silenceProcedureId,
  /** An adopted text is final, a text under silence frozen: nobody edits it until it is reopened. */
  locked: (d: Pick<DraftWithStatus, 'status' | 'silenceProcedureId'>) =>
    d.status === DraftStatus.ADOPTED || draftPolicy.underSilence(d),
  edit: (u: AuthUser, d: DraftWithStatus) => draftPolicy.write(u, d) && !draftPolicy.locked(d),
  comment: (u: AuthUser, d: DraftRef) => draftPolicy.write(u, d) || hasRole(u, Role.EXPERT),
  create: (u: AuthUser, workingGroupId: Types.ObjectId) =>
    isOfficer(u) || coordinates(u, workingGroupId),
  manage: (u: AuthUser, d: DraftRef) => isOfficer(u) || coordinates(u, d.workingGroupId),
  /** A numbered version freezes the text as it is: those who manage the draft, in any status. */
  createVersion: (u: AuthUser, d: DraftRef) => draftPolicy.manage(u, d),
  /** Restoring changes the text, which an adopted draft's may not: managers, unless locked. */
  restoreVersion: (u: AuthUser, d: DraftWithStatus) =>
    draftPolicy.manage(u, d) && !draftPolicy.locked(d),
  /** Lifting a bracket or choosing an alternative settles language: managers, unless locked. */
  decideBrackets: (u: AuthUser, d: DraftWithStatus) =>
    draftPolicy.manage(u, d) && !draftPolicy.locked(d),
  /**
   * Leading a reading (start, move, record outcomes, end) is the Chair's, or the group
   * coordinator's for their group's draft, as in the room; the Secretariat assists but does not read.
   */
  leadReading: (u: AuthUser, d: DraftRef) =>
    hasRole(u, Role.CHAIR) || coordinates(u, d.workingGroupId),
  /** A reading decides on the text, which an adopted draft's is no longer open to. */
  conductReading: (u: AuthUser, d: DraftWithStatus) =>
    draftPolicy.leadReading(u, d) && !draftPolicy.locked(d),
  /**
   * Agreeing a paragraph (or parking, reopening it) is for those who run the negotiation: the
   * group's coordinator, the Chair, the Secretariat; never on an adopted text.
   */
  setParagraphStatus: (u: AuthUser, d: DraftWithStatus) =>
    draftPolicy.manage(u, d) && !draftPolicy.locked(d),
  /** An agreed paragraph stays editable for those who may reopen it (the server lock spares them). */
  editAgreedParagraph: (u: AuthUser, d: DraftRef) => draftPolicy.manage(u, d),
  // Adoption is the Committee's decision, not a working group's; so is undoing it (reopening).
  setStatus: (u: AuthUser, d: DraftRef, from: DraftStatus, to: DraftStatus) =>
    from === DraftStatus.ADOPTED || to === DraftStatus.ADOPTED
      ? isOfficer(u)
      : draftPolicy.manage(u, d),
  /** Accepting or rejecting a proposal changes the text: those who manage the draft, unless adopted. */
  decideProposal: (u: AuthUser, d: DraftWithStatus) =>
    draftPolicy.manage(u, d) && !draftPolicy.locked(d),
  /** Supporting or objecting is a delegation's position, taken by its delegates. */
  supportProposal: (u: AuthUser, d: DraftWithStatus) =>
    u.delegationId !== null &&
    hasRole(u, Role.DELEGATE) &&
    draftPolicy.comment(u, d) &&
    !draftPolicy.locked(d),
  /** While the Committee reviews a draft, a delegate's edits are proposals unless they switch. */
  proposeByDefault: (u: AuthUser, d: DraftWithStatus) =>
    d.status === DraftStatus.IN_REVIEW &&
    hasRole(u, Role.DELEGATE) &&
    draftPolicy.edit(u, d) &&
    !draftPolicy.manage(u, d),
};

export interface DraftAbilityValues {
  edit: boolean;
  comment: boolean;
  manage: boolean;
  changeStatus: boolean;
  adopt: boolean;
  createVersion: boolean;
  restoreVersion: boolean;
  decideBrackets: boolean;
  conductReading: boolean;
  setParagraphStatus: boolean;
}

/** What the signed-in person (null: nobody) may do with this draft now, by the rules above. */
export function draftAbilities(u: AuthUser | null, d: DraftWithStatus): DraftAbilityValues {
  const from = d.status as DraftStatus;
  if (!u)
    return {
      edit: false,
      comment: false,
      manage: false,
      changeStatus: false,
      adopt: false,
      createVersion: false,
      restoreVersion: false,
      decideBrackets: false,
      conductReading: false,
      setParagraphStatus: false,
    };
  return {
    edit: draftPolicy.edit(u, d),
    comment: draftPolicy.comment(u, d),
    manage: draftPolicy.manage(u, d),
    // Under silence the procedure decides the status (setDraftStatus refuses UNDER_SILENCE).
    changeStatus:
      !draftPolicy.underSilence(d) &&
      Object.values(DraftStatus).some((to) => to !== from && draftPolicy.setStatus(u, d, from, to)),
    adopt:
      !draftPolicy.underSilence(d) &&
      from !== DraftStatus.ADOPTED &&
      draftPolicy.setStatus(u, d, from, DraftStatus.ADOPTED),
    createVersion: draftPolicy.createVersion(u, d),
    restoreVersion: draftPolicy.restoreVersion(u, d),
    decideBrackets: draftPolicy.decideBrackets(u, d),
    conductReading: draftPolicy.conductReading(u, d),
    setParagraphStatus: draftPolicy.setParagraphStatus(u, d),
  };
}
