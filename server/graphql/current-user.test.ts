import 'reflect-metadata';
import { GraphQLSchema, graphql } from 'graphql';
import { Types } from 'mongoose';
import { buildSchema, Query, Resolver } from 'type-graphql';
import { Role } from '../modules/users/role';
import type { AuthUser } from './context';
import { CurrentUser } from './current-user';

@Resolver()
class ProbeResolver {
  // No @Authorized(): the decorator alone must refuse the signed out.
  @Query(() => String)
  whoAmI(@CurrentUser() user: AuthUser): string {
    return user.name;
  }

  @Query(() => Boolean)
  signedIn(@CurrentUser({ optional: true }) user: AuthUser | null): boolean {
    return user !== null;
  }
}

const person: AuthUser = {
  id: new Types.ObjectId().toHexString(),
  _id: new Types.ObjectId(),
  name: 'Chair',
  email: 'chair@committee.test',
  roles: [Role.CHAIR],
  delegationId: null,
  workingGroupIds: [],
  sessionId: new Types.ObjectId(),
  sessionExpiresAt: new Date(Date.now() + 60_000),
};

describe('@CurrentUser()', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
  });
  const run = (source: string, user: AuthUser | null, tokenRejected = false) =>
    graphql({ schema, source, contextValue: { user, tokenRejected } });

  it('gives the signed-in person', async () => {
    expect((await run('{ whoAmI signedIn }', person)).data).toEqual({
      whoAmI: 'Chair',
      signedIn: true,
    });
  });

  it('answers UNAUTHENTICATED without a person, saying so when the token was rejected', async () => {
    const none = await run('{ whoAmI }', null);
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const expired = await run('{ whoAmI }', null, true);
    expect(expired.errors?.[0]?.message).toMatch(/expired or was revoked/);
  });

  it('gives null when optional', async () => {
    expect((await run('{ signedIn }', null)).data).toEqual({ signedIn: false });
  });
});
