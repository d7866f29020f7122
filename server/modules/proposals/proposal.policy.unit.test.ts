import { Types } from 'mongoose';
import {
  expectedFor,
  groupOf,
  parseTable,
  personWith,
  ROLES,
  SIDES,
} from '../../../test/helpers/policy-table';
import { draftPolicy } from '../drafts/draft.policy';
import { DraftStatus } from '../drafts/draft-status';
import { Role } from '../users/role';
import { proposalAbilities } from './proposal.policy';
import { ProposalStatus } from './proposal-status';

/*
 * Proposals: the coordinator of the draft's group, the Chair and the Secretariat accept or reject
 * (`decide`), never once the draft is adopted. Delegates support or object for their delegation
 * (`support`: a delegate with a delegation, among those who may comment on the draft), never on
 * their own delegation's proposal. Delegates' editors start in Propose mode while the draft is in
 * review (`propose`), managers' never. Every person below belongs to a delegation.
 */
const TABLE = parseTable(`
  role         group  decide support propose
  CHAIR        own    yes    -       -
  CHAIR        other  yes    -       -
  SECRETARIAT  own    yes    -       -
  SECRETARIAT  other  yes    -       -
  COORDINATOR  own    yes    -       -
  COORDINATOR  other  -      -       -
  DELEGATE     own    -      yes     yes
  DELEGATE     other  -      -       -
  EXPERT       own    -      -       -
  EXPERT       other  -      -       -
  OBSERVER     own    -      -       -
  OBSERVER     other  -      -       -
  MEMBER_STATE own    -      -       -
  MEMBER_STATE other  -      -       -
`);

const cases = ROLES.flatMap((role) =>
  SIDES.flatMap((side) => Object.values(DraftStatus).map((status) => ({ role, side, status }))),
);

describe('proposal policy, every role × own or other group × draft status', () => {
  it.each(cases)('$role in the $side group, draft $status', ({ role, side, status }) => {
    const u = { ...personWith(role), delegationId: new Types.ObjectId() };
    const draft = { workingGroupId: groupOf(side), status };
    const want = expectedFor(TABLE, role, side);
    const locked = status === DraftStatus.ADOPTED;
    const other = { status: ProposalStatus.OPEN, delegationId: new Types.ObjectId() };
    expect({
      decide: proposalAbilities(u, draft, other).decide,
      support: proposalAbilities(u, draft, other).support,
      propose: draftPolicy.proposeByDefault(u, draft),
    }).toEqual({
      decide: want.decide && !locked,
      support: want.support && !locked,
      propose: want.propose && status === DraftStatus.IN_REVIEW,
    });
    // Never on one's own delegation's proposal; nothing on a decided one.
    const own = { status: ProposalStatus.OPEN, delegationId: u.delegationId };
    expect(proposalAbilities(u, draft, own).support).toBe(false);
    for (const decided of [
      ProposalStatus.ACCEPTED,
      ProposalStatus.REJECTED,
      ProposalStatus.WITHDRAWN,
    ])
      expect(proposalAbilities(u, draft, { ...other, status: decided })).toEqual({
        support: false,
        decide: false,
      });
  });

  it('a delegate without a delegation takes no position; nobody signed in may do nothing', () => {
    const draft = { workingGroupId: groupOf('own'), status: DraftStatus.IN_REVIEW };
    const p = { status: ProposalStatus.OPEN, delegationId: new Types.ObjectId() };
    expect(proposalAbilities(personWith(Role.DELEGATE), draft, p).support).toBe(false);
    expect(proposalAbilities(null, draft, p)).toEqual({ support: false, decide: false });
  });
});
