import { createHash, randomBytes } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { isDuplicateKey } from '../../core/duplicate-key';
import { appError, badInput, ErrorCode, notFound } from '../../core/errors';
import { Role } from '../../core/role';
import { type LoginResult, revokeSessions, startSession } from '../auth/auth.service';
import { loginThrottle } from '../auth/login-throttle';
import { hashPassword } from '../auth/password';
import { SessionModel } from '../auth/session.model';
import { sessionCache } from '../auth/session-cache';
import { claimDecision } from '../decisions/claim.service';
import { DelegationModel } from '../delegations/delegation.model';
import type { DomainEvents } from '../shared/domain-events';
import { type UserDoc, UserModel } from '../users/user.model';
import { WorkingGroupModel } from '../working-groups/working-group.model';
import {
  type AccessData,
  AccountStatus,
  type InviteData,
  LINK_TTL_MS,
  LinkKind,
} from './account.data';
import { accountPolicy } from './account.policy';
import { type AccountLinkDoc, AccountLinkModel } from './account-link.model';
import { assertStrongPassword } from './password-strength';

export const REFUSED = "Only the Secretariat manages people's accounts.";

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A one-time link as given back to the Secretariat: its url ends with the token. */
export interface IssuedLink {
  url: string;
  expiresAt: Date;
  kind: LinkKind;
  user: UserDoc;
}

export const accountStatus = (u: Pick<UserDoc, 'deactivatedAt' | 'passwordHash'>): AccountStatus =>
  u.deactivatedAt
    ? AccountStatus.DEACTIVATED
    : u.passwordHash
      ? AccountStatus.ACTIVE
      : AccountStatus.INVITED;

async function findPerson(id: Types.ObjectId): Promise<UserDoc> {
  const person = await UserModel.findById(id).lean<UserDoc>();
  if (!person) throw notFound('Person', id.toHexString());
  return person;
}

/**
 * Roles that make sense together. COORDINATOR follows the groups a person is named to coordinate
 * (the Membership page), so it is never given here; a guest (MEMBER_STATE) is nothing else.
 */
function assertRoles(roles: Role[]): void {
  if (roles.length === 0) throw badInput('Give the person at least one role.', 'roles');
  if (roles.includes(Role.COORDINATOR))
    throw badInput(
      'A coordinator is named on the Membership page, for the group they coordinate; give another role here.',
      'roles',
    );
  if (roles.includes(Role.MEMBER_STATE) && roles.length > 1)
    throw badInput(
      'A Member State guest of an open consultation holds no other role: choose one or the other.',
      'roles',
    );
}

/** Whether these roles may sit in a working group: observers read only, guests see nothing yet. */
const readsOnly = (roles: string[]) =>
  roles.every((r) => r === Role.OBSERVER || r === Role.MEMBER_STATE);

async function assertDelegation(delegationId: Types.ObjectId | null): Promise<void> {
  if (delegationId && !(await DelegationModel.exists({ _id: delegationId })))
    throw notFound('Delegation', delegationId.toHexString());
}

/** Makes a new one-time link for the person, voiding the ones they had not used. */
async function issueLink(
  by: AuthUser,
  user: UserDoc,
  kind: LinkKind,
  baseUrl: string,
  events: DomainEvents,
): Promise<IssuedLink> {
  await AccountLinkModel.deleteMany({ userId: user._id, usedAt: null });
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  await AccountLinkModel.create({
    tokenHash: tokenHash(token),
    userId: user._id,
    kind,
    createdAt: now,
    expiresAt,
    byId: by._id,
  });
  // The client's page for links: /invitation/<token> (the token is the last path segment).
  const url = `${baseUrl.replace(/\/+$/, '')}/invitation/${token}`;
  events.emit('account.linkIssued', {
    user,
    kind: kind === LinkKind.INVITATION ? 'invitation' : 'reset',
    url,
    expiresAt,
    byId: by._id,
  });
  return { url, expiresAt, kind, user };
}

/**
 * The Secretariat invites a person: the account exists at once (roles, delegation, groups), and
 * works once they set a password through the link (e-mailed when SMTP_URL is set).
 */
export async function inviteUser(
  by: AuthUser,
  data: InviteData,
  baseUrl: string,
  events: DomainEvents,
): Promise<IssuedLink> {
  authorize(accountPolicy.manage(by), REFUSED);
  assertRoles(data.roles);
  const name = data.name.trim();
  if (name.length === 0) throw badInput('Give the person’s name.', 'name');
  if (data.workingGroupIds.length > 0 && readsOnly(data.roles))
    throw badInput(
      'An observer or a Member State guest cannot sit in a working group: leave the groups empty.',
      'workingGroupIds',
    );
  await assertDelegation(data.delegationId);
  const groups = await WorkingGroupModel.countDocuments({
    _id: mongoose.trusted({ $in: data.workingGroupIds }),
  });
  if (groups !== new Set(data.workingGroupIds.map((id) => id.toHexString())).size)
    throw badInput('One of the working groups does not exist.', 'workingGroupIds');
  let user: UserDoc;
  try {
    const created = await UserModel.create({
      email: data.email,
      name,
      roles: data.roles,
      delegationId: data.delegationId,
      workingGroupIds: data.workingGroupIds,
      passwordHash: null,
      invitedById: by._id,
    });
    user = created.toObject() as UserDoc;
  } catch (err) {
    if (isDuplicateKey(err))
      throw appError(
        ErrorCode.Conflict,
        `Someone already has the address ${data.email.trim().toLowerCase()}: find them in the list instead.`,
        { field: 'email' },
      );
    throw err;
  }
  return issueLink(by, user, LinkKind.INVITATION, baseUrl, events);
}

/** A new link for someone: a password reset, or the invitation again if they never set one. */
export async function resetUserPassword(
  by: AuthUser,
  userId: Types.ObjectId,
  baseUrl: string,
  events: DomainEvents,
): Promise<IssuedLink> {
  const person = await findPerson(userId);
  authorize(
    accountPolicy.issueLink(by, person),
    person.deactivatedAt
      ? `${person.name}’s account is deactivated: reactivate it first.`
      : REFUSED,
  );
  const kind = person.passwordHash ? LinkKind.RESET : LinkKind.INVITATION;
  return issueLink(by, person, kind, baseUrl, events);
}

/** Why a link does not work, in the person's words; the same for a made-up token and a gone one. */
const linkInvalid = () =>
  appError(
    ErrorCode.NotFound,
    'This link is not valid (it may have been replaced by a newer one): ask the Secretariat for a new one.',
    { reason: 'LINK_INVALID' },
  );

/**
 * The person behind a link sets their password and is signed in. A link works once: the claim
 * decides between two uses at the same moment, on one instance or several. A reset also ends
 * every other session of the person (whoever knew the old password).
 */
export async function acceptInvitation(
  token: string,
  password: string,
  ttlMs: number,
  events: DomainEvents,
): Promise<LoginResult> {
  await loginThrottle.check(null);
  const link =
    token.length > 0 && token.length <= 100
      ? await AccountLinkModel.findOne({ tokenHash: tokenHash(token) }).lean<AccountLinkDoc>()
      : null;
  if (!link) {
    await loginThrottle.fail(null);
    throw linkInvalid();
  }
  if (link.usedAt)
    throw appError(
      ErrorCode.Conflict,
      'This link has already been used: sign in with your password, or ask the Secretariat for a new link.',
      { reason: 'LINK_USED' },
    );
  if (link.expiresAt.getTime() <= Date.now())
    throw appError(
      ErrorCode.BadUserInput,
      'This link has expired (links work for 7 days): ask the Secretariat for a new one.',
      { reason: 'LINK_EXPIRED' },
    );
  const user = await UserModel.findById(link.userId).lean<UserDoc>();
  if (!user || user.deactivatedAt) throw linkInvalid();
  assertStrongPassword(password, user);
  if (!(await claimDecision(`accountLink:${link._id.toHexString()}`)))
    throw appError(ErrorCode.Conflict, 'This link has already been used.', {
      reason: 'LINK_USED',
    });
  await AccountLinkModel.updateOne({ _id: link._id }, { $set: { usedAt: new Date() } });
  await UserModel.updateOne(
    { _id: user._id },
    { $set: { passwordHash: await hashPassword(password), seeded: false } },
  );
  if (link.kind === LinkKind.RESET) await revokeSessions({ userId: user._id }, user._id, events);
  const updated = await findPerson(user._id);
  events.emit('account.changed', {
    user: updated,
    change: link.kind === LinkKind.RESET ? 'passwordReset' : 'invitationAccepted',
    byId: user._id,
  });
  return startSession(updated, ttlMs, events);
}

/**
 * Ends a person's access at once: every session deleted (their sockets close on every instance),
 * unused links voided, and later sign-ins refused until the Secretariat reactivates them.
 */
export async function deactivateUser(
  by: AuthUser,
  userId: Types.ObjectId,
  events: DomainEvents,
): Promise<UserDoc> {
  const person = await findPerson(userId);
  if (person.deactivatedAt) {
    authorize(accountPolicy.manage(by), REFUSED);
    return person;
  }
  authorize(
    accountPolicy.deactivate(by, person),
    person._id.equals(by._id) ? 'You cannot deactivate your own account.' : REFUSED,
  );
  await UserModel.updateOne({ _id: userId }, { $set: { deactivatedAt: new Date() } });
  await AccountLinkModel.deleteMany({ userId, usedAt: null });
  // Sessions deleted after the flag: one started meanwhile is refused by `authenticate`.
  await revokeSessions({ userId }, userId, events);
  sessionCache.forgetUser(userId.toHexString());
  const updated = await findPerson(userId);
  events.emit('account.changed', { user: updated, change: 'deactivated', byId: by._id });
  return updated;
}

/** Gives a deactivated person their access back (with their password as it was). */
export async function reactivateUser(
  by: AuthUser,
  userId: Types.ObjectId,
  events: DomainEvents,
): Promise<UserDoc> {
  const person = await findPerson(userId);
  authorize(accountPolicy.manage(by), REFUSED);
  if (!person.deactivatedAt) return person;
  await UserModel.updateOne({ _id: userId }, { $set: { deactivatedAt: null } });
  const updated = await findPerson(userId);
  events.emit('account.changed', { user: updated, change: 'reactivated', byId: by._id });
  return updated;
}

/**
 * Changes a person's roles and delegation. The coordinator role is kept as the Membership page
 * set it. Their open sessions and sockets apply the new roles at once (the event's processor).
 */
export async function setUserAccess(
  by: AuthUser,
  data: AccessData,
  events: DomainEvents,
): Promise<UserDoc> {
  const person = await findPerson(data.userId);
  authorize(accountPolicy.changeAccess(by, person), REFUSED);
  assertRoles(data.roles);
  if (
    person._id.equals(by._id) &&
    person.roles.includes(Role.SECRETARIAT) &&
    !data.roles.includes(Role.SECRETARIAT)
  )
    throw badInput(
      'You cannot take the Secretariat role from yourself: another member of the Secretariat can.',
      'roles',
    );
  const coordinator = person.roles.includes(Role.COORDINATOR);
  const roles = coordinator ? [...data.roles, Role.COORDINATOR] : [...data.roles];
  if (readsOnly(roles) && (person.workingGroupIds ?? []).length > 0)
    throw badInput(
      `${person.name} sits in working groups, which an observer or a Member State guest cannot: take them out on the Membership page first.`,
      'roles',
    );
  await assertDelegation(data.delegationId);
  const previousRoles = [...person.roles];
  await UserModel.updateOne(
    { _id: person._id },
    { $set: { roles, delegationId: data.delegationId } },
  );
  sessionCache.forgetUser(person._id.toHexString());
  const updated = await findPerson(person._id);
  events.emit('account.changed', {
    user: updated,
    change: 'rolesChanged',
    byId: by._id,
    previousRoles,
  });
  return updated;
}

/** Every account, for the Secretariat's People page. */
export async function listAccounts(by: AuthUser): Promise<UserDoc[]> {
  authorize(accountPolicy.manage(by), REFUSED);
  return UserModel.find().sort({ name: 1 }).lean<UserDoc[]>();
}

/** One's own sessions (signed-in devices), newest first. */
export async function mySessions(user: AuthUser) {
  return SessionModel.find({
    userId: user._id,
    expiresAt: mongoose.trusted({ $gt: new Date() }),
  })
    .sort({ createdAt: -1 })
    .lean();
}

/** Ends one of one's own sessions (another device); its sockets close at once. */
export async function revokeMySession(
  user: AuthUser,
  sessionId: Types.ObjectId,
  events: DomainEvents,
): Promise<boolean> {
  const ended = await revokeSessions({ _id: sessionId, userId: user._id }, user._id, events);
  if (ended === 0) throw notFound('Session', sessionId.toHexString());
  return true;
}
