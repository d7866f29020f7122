import { createHash, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import mongoose from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { appError, badInput, ErrorCode } from '../../core/errors';
import { currentRequest } from '../../core/request-context';
import type { Role } from '../../core/role';
import { assertStrongPassword } from '../accounts/password-strength';
import type { DomainEvents } from '../shared/domain-events';
import { UserDoc, UserModel } from '../users/user.model';
import { loginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { SessionModel } from './session.model';
import { sessionCache } from './session-cache';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserDoc;
}

export async function login(
  email: string,
  password: string,
  ttlMs: number,
  events: DomainEvents,
): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  await loginThrottle.check(normalized);
  const user = await UserModel.findOne({ email: normalized }).lean<UserDoc>();
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await loginThrottle.fail(normalized);
    throw appError(ErrorCode.Unauthenticated, 'Wrong email or password.', {
      reason: 'INVALID_CREDENTIALS',
    });
  }
  await loginThrottle.succeed(normalized);
  // Said only to whoever knows the password: to anyone else the account looks like any other.
  if (user.deactivatedAt)
    throw appError(
      ErrorCode.Unauthenticated,
      'This account has been deactivated; ask the Secretariat if you need it again.',
      { reason: 'ACCOUNT_DEACTIVATED' },
    );
  return startSession(user, ttlMs, events);
}

/** A new session for a person who proved who they are (a password, an invitation link). */
export async function startSession(
  user: UserDoc,
  ttlMs: number,
  events: DomainEvents,
): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const session = await SessionModel.create({
    tokenHash: tokenHash(token),
    userId: user._id,
    createdAt: now,
    expiresAt,
    ip: currentRequest()?.ip ?? null,
  });
  events.emit('session.started', { sessionId: session._id, userId: user._id });
  return { token, expiresAt, user };
}

/**
 * The signed-in person behind a bearer token, or null for none, unknown, revoked or expired.
 * Sessions seen in the last seconds come from memory (session-cache.ts), not from two reads.
 */
export async function authenticate(token: string | undefined): Promise<AuthUser | null> {
  if (!token || token.length > 200) return null;
  const hash = tokenHash(token);
  const cached = sessionCache.get(hash);
  if (cached) return cached;
  const epoch = sessionCache.epoch();
  const session = await SessionModel.findOne({ tokenHash: hash }).lean();
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  const user = await UserModel.findById(session.userId).lean<UserDoc>();
  // A deactivated person's sessions were deleted; one created in a race with it is refused here.
  if (!user || user.deactivatedAt) return null;
  const authUser = toAuthUser(user, session._id, session.expiresAt);
  sessionCache.set(hash, authUser, epoch);
  return authUser;
}

export function toAuthUser(
  user: UserDoc,
  sessionId: Types.ObjectId,
  sessionExpiresAt: Date,
): AuthUser {
  return {
    id: user._id.toHexString(),
    _id: user._id,
    name: user.name,
    email: user.email,
    roles: user.roles as Role[],
    delegationId: user.delegationId ?? null,
    workingGroupIds: user.workingGroupIds ?? [],
    sessionId,
    sessionExpiresAt,
  };
}

/** Deletes sessions and tells every instance, so WebSockets opened with them close at once. */
export async function revokeSessions(
  filter: Record<string, unknown>,
  userId: Types.ObjectId,
  events: DomainEvents,
): Promise<number> {
  const sessions = await SessionModel.find(filter, { _id: 1 }).lean();
  const { deletedCount } = await SessionModel.deleteMany({
    _id: mongoose.trusted({ $in: sessions.map((s) => s._id) }),
  });
  // At once on this instance, before the caller hears it is done; other instances hear it
  // through pub/sub (app.ts).
  for (const s of sessions) sessionCache.revoke(s._id.toHexString());
  if (sessions.length > 0)
    events.emit('session.revoked', { sessionIds: sessions.map((s) => s._id), userId });
  return deletedCount;
}

export function logout(user: AuthUser, everywhere: boolean, events: DomainEvents): Promise<number> {
  return revokeSessions(
    everywhere ? { userId: user._id } : { _id: user.sessionId },
    user._id,
    events,
  );
}

export async function changePassword(
  user: AuthUser,
  current: string,
  next: string,
  events: DomainEvents,
): Promise<void> {
  const stored = await UserModel.findById(user._id).lean<UserDoc>();
  if (!stored || !(await verifyPassword(stored.passwordHash, current))) {
    throw appError(ErrorCode.Unauthenticated, 'The current password is wrong.', {
      reason: 'INVALID_CREDENTIALS',
    });
  }
  if (next === current)
    throw badInput('The new password must differ from the current one.', 'newPassword');
  assertStrongPassword(next, stored, 'newPassword');
  await UserModel.updateOne(
    { _id: user._id },
    { $set: { passwordHash: await hashPassword(next), seeded: false } },
  );
  events.emit('user.passwordChanged', { userId: user._id });
  // Other sessions may belong to whoever knew the old password.
  await revokeSessions(
    { userId: user._id, _id: mongoose.trusted({ $ne: user.sessionId }) },
    user._id,
    events,
  );
}
