import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { Delegation } from '../delegations/delegation.type';
import { meetingAbilities } from '../meetings/meeting.policy';
import { reportPolicy } from '../reports/report.policy';
import { MandateTask } from '../shared/mandate-task.type';
import { Presented, present } from '../shared/present';
import { CommitteeDoc, CommitteeModel } from './committee.model';
import { Committee, CommitteeAbilities } from './committee.type';

type CommitteeRoot = Presented<CommitteeDoc>;

@Resolver(() => Committee)
export class CommitteeResolver {
  @Authorized()
  @Query(() => Committee, { nullable: true })
  async committee(): Promise<CommitteeRoot | null> {
    return present(await CommitteeModel.findOne().lean<CommitteeDoc>());
  }

  @FieldResolver(() => [MandateTask], {
    description: "Administration and resources (par. 12), the Committee's own tasks",
  })
  administrationTasks(@Root() c: CommitteeRoot) {
    return c.administrationTasks;
  }

  @FieldResolver(() => CommitteeAbilities)
  can(@CurrentUser({ optional: true }) user: AuthUser | null): CommitteeAbilities {
    // Whoever manages meetings creates them: one rule, the meeting policy's.
    return {
      createMeeting: meetingAbilities(user).manage,
      compileReport: user ? reportPolicy.compile(user) : false,
    };
  }

  @FieldResolver(() => Delegation, { nullable: true })
  async chairDelegation(@Root() c: CommitteeRoot, @Ctx() ctx: Context) {
    return c.chairDelegationId
      ? present(await ctx.loaders.delegation.load(c.chairDelegationId))
      : null;
  }
}
