import { draftOf, meetingOf, workingGroupId } from '../../../test/helpers/factories';
import { startTestMailServer, type TestMailServer } from '../../../test/helpers/mail-server';
import {
  startTestPlatform,
  subscribe,
  TEST_PASSWORD,
  type TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { waitFor } from '../../../test/helpers/wait';
import { AuditEntryModel } from '../audit/audit.model';
import { AccountLinkModel } from './account-link.model';

const STRONG = 'Plum orchard 47 under rain';
const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) { url expiresAt kind user { id name roles } }
}`;
const ACCEPT = `mutation($t: String!, $p: String!) {
  acceptInvitation(token: $t, password: $p) { token user { id name roles } }
}`;
const ME = '{ me { id email roles } }';
const tokenOf = (url: string) => url.split('/').pop() as string;

describe('accounts', () => {
  let t: TestPlatform;
  let smtp: TestMailServer;
  let secretariat: string;
  let chair: string;

  beforeAll(async () => {
    // A real SMTP server (test/helpers/mail-server.ts): the invitation travels over the wire to it.
    smtp = await startTestMailServer();
    t = await startTestPlatform({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://committee.example.org',
    });
    secretariat = await t.login('secretariat@committee.test');
    chair = await t.login('chair@committee.test');
  });
  afterAll(async () => {
    await t.stop();
    await smtp.stop();
  });

  async function invite(email: string, roles: string[], extra: Record<string, unknown> = {}) {
    const res = await t.gql(
      INVITE,
      { input: { email, name: `Person ${email.split('@')[0]}`, roles, ...extra } },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.inviteUser as { url: string; expiresAt: string; user: { id: string } };
  }

  async function accept(url: string, password = STRONG) {
    const res = await t.gql(ACCEPT, { t: tokenOf(url), p: password });
    expect(res.errors).toBeUndefined();
    return res.data!.acceptInvitation.token as string;
  }

  it('invites a person with a one-time link valid 7 days, e-mailed to them', async () => {
    const group = (await workingGroupId(2)).toHexString();
    const inv = await invite('new.delegate@example.org', ['DELEGATE'], {
      workingGroupIds: [group],
    });
    expect(inv.url).toMatch(/^https:\/\/committee\.example\.org\/invitation\/[A-Za-z0-9_-]{40,}$/);
    const days = (new Date(inv.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    // Only the token's hash is stored.
    const link = await AccountLinkModel.findOne({ userId: inv.user.id }).lean();
    expect(link!.tokenHash).not.toContain(tokenOf(inv.url));
    const mail = await waitFor(
      () => smtp.mails.find((m) => m.subject?.includes('invitation')),
      (m) => !!m,
      15_000,
      'the invitation mail',
    );
    expect(mail!.text).toContain(inv.url);
    expect(mail!.text).toContain('Comité 1540');
    // Not yet a password: nobody signs in as them.
    const before = await t.gql(
      'mutation($p: String!) { login(email: "new.delegate@example.org", password: $p) { token } }',
      { p: STRONG },
    );
    expect(before.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an invitation from anyone but the Secretariat, and bad input', async () => {
    const byChair = await t.gql(
      INVITE,
      { input: { email: 'x@example.org', name: 'X', roles: ['DELEGATE'] } },
      chair,
    );
    expect(byChair.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await t.gql(
      INVITE,
      { input: { email: 'not-an-email', name: 'X', roles: ['DELEGATE'] } },
      secretariat,
    );
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const taken = await t.gql(
      INVITE,
      { input: { email: 'Chair@Committee.test', name: 'X', roles: ['DELEGATE'] } },
      secretariat,
    );
    expect(taken.errors![0].extensions!.code).toBe('CONFLICT');
    const mixedGuest = await t.gql(
      INVITE,
      { input: { email: 'y@example.org', name: 'Y', roles: ['MEMBER_STATE', 'DELEGATE'] } },
      secretariat,
    );
    expect(mixedGuest.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('accepts a link once, with a strong password, and signs the person in', async () => {
    const inv = await invite('accepting@example.org', ['EXPERT']);
    const weak = await t.gql(ACCEPT, { t: tokenOf(inv.url), p: 'password1234' });
    expect(weak.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(weak.errors![0].extensions!.reason).toBe('COMMON_PASSWORD');
    const guessable = await t.gql(ACCEPT, { t: tokenOf(inv.url), p: 'aaaaaaaaaaaaaaaa' });
    expect(guessable.errors![0].extensions!.reason).toBe('WEAK_PASSWORD');
    // Two uses at the same moment: one wins, either of them, and its password is the one set.
    const passwords = [STRONG, `${STRONG} too`];
    const both = await Promise.all(passwords.map((p) => t.gql(ACCEPT, { t: tokenOf(inv.url), p })));
    const won = both.filter((r) => r.data?.acceptInvitation);
    expect(won).toHaveLength(1);
    const password = passwords[both.findIndex((r) => r.data?.acceptInvitation)];
    const token = won[0].data!.acceptInvitation.token as string;
    expect((await t.gql(ME, {}, token)).data!.me.email).toBe('accepting@example.org');
    const again = await t.gql(ACCEPT, { t: tokenOf(inv.url), p: STRONG });
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
    expect(again.errors![0].extensions!.reason).toBe('LINK_USED');
    expect(await t.login('accepting@example.org', password)).toBeTruthy();
    const unknown = await t.gql(ACCEPT, { t: 'made-up-token', p: STRONG });
    expect(unknown.errors![0].extensions!.reason).toBe('LINK_INVALID');
  });

  it('tells the Secretariat’s open People pages of each new or changed account, and no one else', async () => {
    const delegate = await t.login('delegate@committee.test');
    const refused = subscribe(t.ws(delegate), 'subscription { accountChanged { id } }');
    await expect(refused.next(5000)).rejects.toThrow(/FORBIDDEN|Secretariat/);
    refused.dispose();
    const base = t.listeners(Topic.AccountChanged, 'all');
    const live = subscribe<{ accountChanged: { id: string; status: string } }>(
      t.ws(secretariat),
      'subscription { accountChanged { id status } }',
    );
    await t.listening(Topic.AccountChanged, 'all', base + 1);
    const inv = await invite('followed@example.org', ['OBSERVER']);
    expect((await live.next(10_000)).accountChanged).toEqual({
      id: inv.user.id,
      status: 'INVITED',
    });
    await t.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { status } }',
      { id: inv.user.id },
      secretariat,
    );
    expect((await live.next(10_000)).accountChanged).toEqual({
      id: inv.user.id,
      status: 'DEACTIVATED',
    });
    live.dispose();
  });

  it('refuses an expired link', async () => {
    const inv = await invite('late@example.org', ['OBSERVER']);
    await AccountLinkModel.updateOne(
      { userId: inv.user.id },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const res = await t.gql(ACCEPT, { t: tokenOf(inv.url), p: STRONG });
    expect(res.errors![0].extensions!.reason).toBe('LINK_EXPIRED');
  });

  it('deactivation ends every session at once, closes sockets, refuses sign-ins; reactivation undoes it', async () => {
    const inv = await invite('leaving@example.org', ['DELEGATE']);
    const token = await accept(inv.url);
    const other = await t.login('leaving@example.org', STRONG);
    const { itemId } = await meetingOf('2020-03');
    const base = t.listeners(Topic.CommentAdded, itemId);
    const sub = subscribe(
      t.ws(token),
      'subscription($t: ID!) { commentAdded(targetId: $t) { id } }',
      { t: itemId },
    );
    await t.listening(Topic.CommentAdded, itemId, base + 1);
    const self = await t.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { status } }',
      { id: (await t.gql(ME, {}, secretariat)).data!.me.id },
      secretariat,
    );
    expect(self.errors![0].extensions!.code).toBe('FORBIDDEN');
    const res = await t.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { status deactivatedAt can { reactivate deactivate } } }',
      { id: inv.user.id },
      secretariat,
    );
    expect(res.data!.deactivateUser).toMatchObject({
      status: 'DEACTIVATED',
      can: { reactivate: true, deactivate: false },
    });
    await expect(sub.next(5000)).rejects.toThrow(/4403/);
    for (const s of [token, other])
      expect((await t.gql(ME, {}, s)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const login = await t.gql(
      'mutation($p: String!) { login(email: "leaving@example.org", password: $p) { token } }',
      { p: STRONG },
    );
    expect(login.errors![0].extensions!.reason).toBe('ACCOUNT_DEACTIVATED');
    // Nor is a deactivated person offered a seat in a group.
    const seatable = await t.gql(
      'query($g: ID!) { workingGroup(id: $g) { seatablePeople { id } } }',
      { g: (await workingGroupId(4)).toHexString() },
      secretariat,
    );
    expect(
      seatable.data!.workingGroup.seatablePeople.map((p: { id: string }) => p.id),
    ).not.toContain(inv.user.id);
    const back = await t.gql(
      'mutation($id: ID!) { reactivateUser(id: $id) { status } }',
      { id: inv.user.id },
      secretariat,
    );
    expect(back.data!.reactivateUser.status).toBe('ACTIVE');
    expect(await t.login('leaving@example.org', STRONG)).toBeTruthy();
  });

  it('changes roles and delegation; open sessions follow at once', async () => {
    const inv = await invite('promoted@example.org', ['OBSERVER']);
    const token = await accept(inv.url);
    expect((await t.gql(ME, {}, token)).data!.me.roles).toEqual(['OBSERVER']);
    const delegations = (await t.gql('{ delegations { id } }', {}, secretariat)).data!.delegations;
    const res = await t.gql(
      `mutation($input: UserAccessInput!) { setUserAccess(input: $input) { status user { roles delegation { id } } } }`,
      { input: { userId: inv.user.id, roles: ['DELEGATE'], delegationId: delegations[0].id } },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setUserAccess.user).toEqual({
      roles: ['DELEGATE'],
      delegation: { id: delegations[0].id },
    });
    expect((await t.gql(ME, {}, token)).data!.me.roles).toEqual(['DELEGATE']);
    const coordinator = await t.gql(
      `mutation($input: UserAccessInput!) { setUserAccess(input: $input) { status } }`,
      { input: { userId: inv.user.id, roles: ['COORDINATOR'] } },
      secretariat,
    );
    expect(coordinator.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('a reset link from the Secretariat sets a new password and ends the old sessions', async () => {
    const inv = await invite('forgetful@example.org', ['EXPERT']);
    const old = await accept(inv.url);
    const reset = await t.gql(
      'mutation($id: ID!) { resetUserPassword(id: $id) { url kind } }',
      { id: inv.user.id },
      secretariat,
    );
    expect(reset.data!.resetUserPassword.kind).toBe('RESET');
    const fresh = await accept(reset.data!.resetUserPassword.url, 'Quiet lantern 93 by the sea');
    expect((await t.gql(ME, {}, old)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, fresh)).data!.me.email).toBe('forgetful@example.org');
    await expect(t.login('forgetful@example.org', STRONG)).rejects.toThrow(/login failed/);
  });

  it('people see and revoke their own sessions, and no one else’s', async () => {
    const a = await t.login('expert@committee.test');
    const b = await t.login('expert@committee.test');
    const mine = await t.gql(
      '{ myAccount { sessions { id current ip } can { managePeople } } }',
      {},
      a,
    );
    const sessions = mine.data!.myAccount.sessions as {
      id: string;
      current: boolean;
      ip: string;
    }[];
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions[0].ip).toBeTruthy();
    expect(mine.data!.myAccount.can.managePeople).toBe(false);
    const otherId = sessions.find((s) => !s.current)!.id;
    const bySomeoneElse = await t.gql(
      'mutation($id: ID!) { revokeMySession(id: $id) }',
      { id: otherId },
      chair,
    );
    expect(bySomeoneElse.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(
      (await t.gql('mutation($id: ID!) { revokeMySession(id: $id) }', { id: otherId }, a)).data!
        .revokeMySession,
    ).toBe(true);
    const stillA = await t.gql(ME, {}, a);
    const stillB = await t.gql(ME, {}, b);
    // One of the two was the revoked one (the newest sorts first): exactly one still works.
    expect([stillA, stillB].filter((r) => r.data?.me)).toHaveLength(1);
  });

  it('a Member State guest signs in and reads their account, and nothing else', async () => {
    const inv = await invite('guest@example.org', ['MEMBER_STATE']);
    const guest = await accept(inv.url);
    expect((await t.gql(ME, {}, guest)).data!.me.roles).toEqual(['MEMBER_STATE']);
    const account = await t.gql(
      '{ myAccount { user { email } sessions { id } can { managePeople readAuditLog readCommittee } } }',
      {},
      guest,
    );
    expect(account.errors).toBeUndefined();
    expect(account.data!.myAccount.can).toEqual({
      managePeople: false,
      readAuditLog: false,
      readCommittee: false,
    });
    const draftId = await draftOf(1);
    const group = (await workingGroupId(1)).toHexString();
    const { meetingId } = await meetingOf('2020-02');
    for (const [query, vars] of [
      ['{ drafts { id } }', {}],
      ['query($id: ID!) { draft(id: $id) { id } }', { id: draftId }],
      ['{ meetings { id } }', {}],
      ['query($id: ID!) { meeting(id: $id) { id } }', { id: meetingId }],
      ['{ workingGroups { id } }', {}],
      ['query($id: ID!) { workingGroup(id: $id) { id } }', { id: group }],
      ['{ users { id } }', {}],
      ['{ committee { id } }', {}],
      ['{ auditLog { id } }', {}],
      ['mutation($d: ID!) { createDraftVersion(draftId: $d, label: "x") { id } }', { d: draftId }],
    ] as const) {
      const res = await t.gql(query, vars, guest);
      expect({ query, code: res.errors?.[0].extensions?.code }).toEqual({
        query,
        code: 'FORBIDDEN',
      });
    }
    const doc = await fetch(`${t.url}/drafts/${draftId}/export.docx`, {
      headers: { authorization: `Bearer ${guest}` },
    });
    expect(doc.status).toBe(403);
    const seated = await t.gql(
      'mutation($u: ID!, $g: ID!) { addWorkingGroupMember(userId: $u, workingGroupId: $g) { id } }',
      { u: inv.user.id, g: group },
      secretariat,
    );
    expect(seated.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // Their own password and sessions stay theirs to manage.
    const changed = await t.gql(
      'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "Seven amber kites over Geneva") }',
      { c: STRONG },
      guest,
    );
    expect(changed.data!.changePassword).toBe(true);
  });

  it('writes every account change to the audit trail, with who, when and from where; the Chair and the Secretariat read it', async () => {
    const inv = await invite('audited@example.org', ['DELEGATE']);
    await accept(inv.url);
    await t.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { status } }',
      { id: inv.user.id },
      secretariat,
    );
    const query = `query($f: AuditFilterInput) { auditLog(filter: $f) { action actorName targetLabel targetId summary ip requestId at } }`;
    const entries = await waitFor(
      async () =>
        (await t.gql(query, { f: { targetId: inv.user.id } }, chair)).data!.auditLog as {
          action: string;
          actorName: string;
          summary: string;
          ip: string;
          requestId: string;
        }[],
      (e) => e.length >= 3,
      15_000,
      'three audit entries',
    );
    expect(entries.map((e) => e.action)).toEqual([
      'USER_DEACTIVATED',
      'INVITATION_ACCEPTED',
      'USER_INVITED',
    ]);
    expect(entries[0].actorName).toBe(entries[2].actorName);
    expect(entries[0].ip).toMatch(/127\.0\.0\.1/);
    expect(entries[0].requestId).toBeTruthy();
    // The token never reaches the trail.
    expect(JSON.stringify(entries)).not.toContain(tokenOf(inv.url));
    const filtered = (await t.gql(query, { f: { actions: ['USER_INVITED'] } }, secretariat)).data!
      .auditLog as { action: string }[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((e) => e.action === 'USER_INVITED')).toBe(true);
    const delegate = await t.login('delegate@committee.test');
    expect((await t.gql('{ auditLog { id } }', {}, delegate)).errors![0].extensions!.code).toBe(
      'FORBIDDEN',
    );
  });

  it('records status, version and membership changes; nothing edits or deletes an entry', async () => {
    const draftId = await draftOf(3);
    const version = await t.gql(
      'mutation($d: ID!) { createDraftVersion(draftId: $d, label: "For the audit") { number } }',
      { d: draftId },
      chair,
    );
    expect(version.errors).toBeUndefined();
    const entry = await waitFor(
      async () =>
        (
          (
            await t.gql(
              'query($f: AuditFilterInput) { auditLog(filter: $f) { action summary targetLabel } }',
              { f: { targetId: draftId, actions: ['DRAFT_VERSION_CREATED'] } },
              chair,
            )
          ).data!.auditLog as { summary: string; targetLabel: string }[]
        )[0],
      (e) => !!e,
      15_000,
      'the version entry',
    );
    expect(entry.summary).toContain('For the audit');
    expect(entry.targetLabel.length).toBeGreaterThan(0);
    // A status change and a membership change, each with its details.
    const status = await t.gql(
      'mutation($d: ID!) { setDraftStatus(id: $d, status: IN_REVIEW) { status } }',
      { d: draftId },
      chair,
    );
    expect(status.errors).toBeUndefined();
    const seatedPerson = await invite('seated@example.org', ['DELEGATE']);
    const expert = seatedPerson.user.id;
    const group = (await workingGroupId(3)).toHexString();
    const seated = await t.gql(
      'mutation($u: ID!, $g: ID!) { addWorkingGroupMember(userId: $u, workingGroupId: $g) { id } }',
      { u: expert, g: group },
      secretariat,
    );
    expect(seated.errors).toBeUndefined();
    // A seeded person with no group yet (stored without the field) is seated too.
    const seededExpert = (await t.gql(ME, {}, await t.login('expert@committee.test'))).data!.me.id;
    const expertSeated = await t.gql(
      'mutation($u: ID!, $g: ID!) { addWorkingGroupMember(userId: $u, workingGroupId: $g) { id } }',
      { u: seededExpert, g: group },
      secretariat,
    );
    expect(expertSeated.errors).toBeUndefined();
    const entries = async (action: string, targetId: string) =>
      (
        await t.gql(
          'query($f: AuditFilterInput) { auditLog(filter: $f) { summary targetLabel actorName } }',
          { f: { targetId, actions: [action] } },
          secretariat,
        )
      ).data!.auditLog as { summary: string; targetLabel: string; actorName: string }[];
    const read = async (action: string, targetId: string) => (await entries(action, targetId))[0];
    const statusEntry = await waitFor(
      () => read('DRAFT_STATUS_CHANGED', draftId),
      (e) => !!e,
      15_000,
      'the status entry',
    );
    expect(statusEntry.summary).toBe('DRAFTING → IN_REVIEW');
    // Both seatings are recorded, newest first: the one of the person made here is looked for.
    const membershipEntry = await waitFor(
      async () =>
        (await entries('MEMBERSHIP_CHANGED', group)).find(
          (e) => e.summary === 'memberAdded: Person seated',
        ),
      (e) => !!e,
      15_000,
      'the membership entry',
    );
    expect(membershipEntry).toMatchObject({
      targetLabel: 'Working group 3',
      summary: 'memberAdded: Person seated',
    });
    // The API has no operation on the trail but reading it.
    const schema = await t.gql('{ __schema { mutationType { fields { name } } } }', {}, chair);
    const names = (schema.data!.__schema.mutationType.fields as { name: string }[]).map(
      (f) => f.name,
    );
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
    // And the model itself refuses changes.
    await expect(
      AuditEntryModel.updateMany({}, { $set: { summary: 'rewritten' } }),
    ).rejects.toThrow(/append-only/);
    await expect(AuditEntryModel.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('throttles failures per address, across accounts and links', async () => {
    // Last in this file: the address stays throttled for the window.
    // Earlier tests failed a few times from this address too: the 50th failure in all blocks.
    let attempts = 0;
    for (;;) {
      const res = await t.gql(ACCEPT, { t: `guessed-token-${attempts}`, p: STRONG });
      if (res.errors![0].extensions!.code === 'TOO_MANY_REQUESTS') break;
      expect(res.errors![0].extensions!.reason).toBe('LINK_INVALID');
      attempts += 1;
      expect(attempts).toBeLessThanOrEqual(50);
    }
    expect(attempts).toBeGreaterThan(40);
    const login = await t.gql(
      'mutation($p: String!) { login(email: "observer@committee.test", password: $p) { token } }',
      { p: TEST_PASSWORD },
    );
    expect(login.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
  });
});
