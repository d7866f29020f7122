import type { AuthUser } from '../core/auth-user';
import { authenticate } from '../modules/auth/auth.service';

/** Reads `Bearer <token>` (the same value over HTTP and in WebSocket connectionParams). */
export async function userFromAuthorization(
  value: unknown,
): Promise<{ user: AuthUser | null; tokenRejected: boolean }> {
  if (value === undefined || value === null || value === '')
    return { user: null, tokenRejected: false };
  const match = typeof value === 'string' ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  if (!match) return { user: null, tokenRejected: true };
  const user = await authenticate(match[1]);
  return { user, tokenRejected: user === null };
}
