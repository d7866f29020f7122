import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DraftActivityResolver } from '../collaboration/activity.resolver';
import { CollaborationResolver, DraftContentResolver } from '../collaboration/collaboration.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { CommentResolver } from '../modules/comments/comment.resolver';
import { CommitteeResolver } from '../modules/committee/committee.resolver';
import { DelegationResolver } from '../modules/delegations/delegation.resolver';
import { DraftResolver, DraftStatusChangeResolver } from '../modules/drafts/draft.resolver';
import { AgendaItemResolver, AgendaSubItemResolver } from '../modules/meetings/agenda-item.resolver';
import { MeetingResolver } from '../modules/meetings/meeting.resolver';
import { MandateTaskResolver } from '../modules/shared/mandate-task';
import { UserResolver } from '../modules/users/user.resolver';
import { WorkingGroupResolver } from '../modules/working-groups/working-group.resolver';
import { authChecker } from './auth-checker';

const resolvers = [
  AuthResolver,
  UserResolver,
  CommitteeResolver,
  MandateTaskResolver,
  DelegationResolver,
  WorkingGroupResolver,
  DraftResolver,
  DraftStatusChangeResolver,
  MeetingResolver,
  AgendaItemResolver,
  AgendaSubItemResolver,
  CommentResolver,
  CollaborationResolver,
  DraftContentResolver,
  DraftActivityResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in a process; build it once. */
export function appSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    validate: { forbidUnknownValues: false },
    // Every subscription has its own `subscribe` that listens on the request's context.pubSub (each
    // server instance has its own). type-graphql insists on a pubSub anyway; this one says so if used.
    pubSub: {
      publish: () => {
        throw new Error('Publish through context.pubSub');
      },
      subscribe: () => {
        throw new Error('Subscriptions must declare `subscribe` using context.pubSub');
      },
    },
  });
  return built;
}
