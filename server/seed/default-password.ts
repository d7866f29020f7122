import { DEFAULT_SEED_PASSWORD } from '../config';
import { verifyPassword } from '../modules/auth/password';
import { UserModel } from '../modules/users/user.model';

/** Emails of seeded accounts that still sign in with the default seed password. */
export async function accountsWithDefaultPassword(): Promise<string[]> {
  const seeded = await UserModel.find({ seeded: true }, { email: 1, passwordHash: 1 }).lean();
  const flagged: string[] = [];
  for (const u of seeded)
    if (await verifyPassword(u.passwordHash, DEFAULT_SEED_PASSWORD)) flagged.push(u.email);
  return flagged;
}
