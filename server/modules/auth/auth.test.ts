import { meetingOf } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  TEST_PASSWORD,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { ALL } from '../../pubsub/topics';
import { SessionModel } from './session.model';

const ME = '{ me { id name email roles } }';

describe('auth', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  it('signs in a demo account and returns a working token with the user', async () => {
    const res = await t.gql(
      'mutation { login(email: "Chair@Committee.test", password: "' +
        TEST_PASSWORD +
        '") { token expiresAt user { id name roles } } }',
    );
    expect(res.errors).toBeUndefined();
    const { token, user, expiresAt } = res.data!.login;
    expect(user.roles).toEqual(['CHAIR']);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const me = await t.gql(ME, {}, token);
    expect(me.data!.me.email).toBe('chair@committee.test');
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    const wrong = await t.gql(
      'mutation($p: String!) { login(email: "chair@committee.test", password: $p) { token } }',
      { p: 'not-the-password' },
    );
    const unknown = await t.gql(
      'mutation($p: String!) { login(email: "nobody@committee.test", password: $p) { token } }',
      { p: TEST_PASSWORD },
    );
    for (const res of [wrong, unknown]) {
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(res.errors![0].message).toBe('Wrong email or password.');
    }
  });

  it('validates the login arguments', async () => {
    const res = await t.gql('mutation { login(email: "not-an-email", password: "") { token } }');
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/email must be an email address/);
    expect(res.errors![0].message).toMatch(/password must not be empty/);
  });

  it('throttles repeated failures for one account', async () => {
    const attempt = () =>
      t.gql('mutation { login(email: "observer@committee.test", password: "guess") { token } }');
    for (let i = 0; i < 10; i += 1)
      expect((await attempt()).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const blocked = await attempt();
    expect(blocked.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    // Even the right password waits out the window.
    const right = await t.gql(
      `mutation { login(email: "observer@committee.test", password: "${TEST_PASSWORD}") { token } }`,
    );
    expect(right.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
  });

  it('requires a session for queries, and says so', async () => {
    const none = await t.gql(ME);
    expect(none.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const bogus = await t.gql(ME, {}, 'made-up-token');
    expect(bogus.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(bogus.errors![0].message).toMatch(/expired or was revoked/);
  });

  it('logout revokes the token', async () => {
    const token = await t.login('delegate@committee.test');
    expect((await t.gql('mutation { logout }', {}, token)).data!.logout).toBe(true);
    expect((await t.gql(ME, {}, token)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a revoked session at once, though it was used just before', async () => {
    const kept = await t.login('delegate@committee.test');
    const revoked = await t.login('delegate@committee.test');
    expect((await t.gql(ME, {}, revoked)).data!.me.email).toBe('delegate@committee.test');
    expect((await t.gql('mutation { logout(everywhere: true) }', {}, kept)).data!.logout).toBe(
      true,
    );
    expect((await t.gql(ME, {}, revoked)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, kept)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses at once a session another instance revoked, when its event arrives', async () => {
    const token = await t.login('chair@committee.test');
    const me = (await t.gql(ME, {}, token)).data!.me;
    // Another instance deletes the session and publishes the revocation (through Redis there).
    const session = await SessionModel.findOne({ userId: me.id }).sort({ createdAt: -1 }).lean();
    await SessionModel.deleteOne({ _id: session!._id });
    // Until the event arrives, the session seen a moment ago is answered from memory…
    expect((await t.gql(ME, {}, token)).data!.me.id).toBe(me.id);
    const sessionId = session!._id.toHexString();
    t.platform.pubSub.publish(Topic.SessionRevoked, ALL, { sessionId });
    // …and once it has, refused.
    expect((await t.gql(ME, {}, token)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('logout closes the WebSockets opened with that session', async () => {
    const token = await t.login('coordinator@committee.test');
    const other = await t.login('coordinator@committee.test');
    const { itemId } = await meetingOf('2020-02');
    const query = 'subscription($t: ID!) { commentAdded(targetId: $t) { id } }';
    const base = t.listeners(Topic.CommentAdded, itemId);
    const revoked = subscribe(t.ws(token), query, { t: itemId });
    const kept = subscribe(t.ws(other), query, { t: itemId });
    await t.listening(Topic.CommentAdded, itemId, base + 2);
    await t.gql('mutation { logout }', {}, token);
    await expect(revoked.next(3000)).rejects.toThrow(/4403 Session revoked/);
    await t.gql(
      'mutation($t: ID!) { addComment(input: { targetId: $t, body: "Still connected?" }) { id } }',
      { t: itemId },
      other,
    );
    await expect(kept.next(3000)).resolves.toBeTruthy();
  });

  it('an expired token no longer works', async () => {
    const token = await t.login('expert@committee.test');
    await SessionModel.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await t.gql(ME, {}, token);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('changes a password, signing out other sessions', async () => {
    const first = await t.login('secretariat@committee.test');
    const second = await t.login('secretariat@committee.test');
    const short = await t.gql(
      'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "short") }',
      { c: TEST_PASSWORD },
      first,
    );
    expect(short.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const wrongCurrent = await t.gql(
      'mutation { changePassword(currentPassword: "nope", newPassword: "a-much-longer-password") }',
      {},
      first,
    );
    expect(wrongCurrent.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const ok = await t.gql(
      'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a-much-longer-password") }',
      { c: TEST_PASSWORD },
      first,
    );
    expect(ok.data!.changePassword).toBe(true);
    expect((await t.gql(ME, {}, first)).data!.me.email).toBe('secretariat@committee.test');
    expect((await t.gql(ME, {}, second)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await expect(t.login('secretariat@committee.test')).rejects.toThrow(/login failed/);
    expect(await t.login('secretariat@committee.test', 'a-much-longer-password')).toBeTruthy();
  });
});
