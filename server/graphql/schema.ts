import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { buildSchema } from 'type-graphql';
import * as collaboration from '../collaboration/collaboration.resolvers';
import * as accounts from '../modules/accounts/accounts.resolvers';
import * as audit from '../modules/audit/audit.resolvers';
import * as auth from '../modules/auth/auth.resolvers';
import * as brackets from '../modules/brackets/brackets.resolvers';
import * as comments from '../modules/comments/comments.resolvers';
import * as committee from '../modules/committee/committee.resolvers';
import * as consultations from '../modules/consultations/consultations.resolvers';
import * as decisions from '../modules/decisions/decisions.resolvers';
import * as delegations from '../modules/delegations/delegations.resolvers';
import * as drafts from '../modules/drafts/drafts.resolvers';
import * as meetings from '../modules/meetings/meetings.resolvers';
import * as notifications from '../modules/notifications/notifications.resolvers';
import * as paragraphs from '../modules/paragraphs/paragraphs.resolvers';
import * as proposals from '../modules/proposals/proposals.resolvers';
import * as readings from '../modules/readings/readings.resolvers';
import * as reports from '../modules/reports/reports.resolvers';
import * as revisions from '../modules/revisions/revisions.resolvers';
import * as silence from '../modules/silence/silence.resolvers';
import * as users from '../modules/users/users.resolvers';
import * as versions from '../modules/versions/versions.resolvers';
import * as visits from '../modules/visits/visits.resolvers';
import * as workingGroups from '../modules/working-groups/working-groups.resolvers';
import { authChecker } from './auth-checker';

/** Every part of the API; each module lists its own resolvers in its index. */
const modules: readonly { resolvers: readonly ClassType[] }[] = [
  auth,
  users,
  committee,
  delegations,
  workingGroups,
  drafts,
  meetings,
  comments,
  collaboration,
  versions,
  visits,
  revisions,
  decisions,
  brackets,
  readings,
  proposals,
  paragraphs,
  notifications,
  silence,
  reports,
  accounts,
  audit,
  consultations,
];

export function allResolvers(): NonEmptyArray<ClassType> {
  const [first, ...rest] = modules.flatMap((m) => m.resolvers);
  if (!first) throw new Error('No resolvers: the modules list is empty');
  return [first, ...rest];
}

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in a process; build it once. */
export function appSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: allResolvers(),
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
