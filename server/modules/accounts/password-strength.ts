import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as LanguageCommon from '@zxcvbn-ts/language-common';
import type * as LanguageEn from '@zxcvbn-ts/language-en';
import { appError, ErrorCode } from '../../core/errors';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's scale is 0–4; 3 is "safely unguessable: moderate protection from offline attack". */
const MIN_SCORE = 3;

interface Checker {
  /** The list of common passwords shipped in @zxcvbn-ts/language-common (some 49,000 of them). */
  common: Set<string>;
  zxcvbn: ZxcvbnCore.ZxcvbnFactory;
}
let checker: Checker | null = null;

/**
 * Built on the first password checked, not at start: the dictionaries hold some 11 MiB of heap
 * (40 MiB resident) that a server spends only when someone sets a password, and take a moment to
 * rank.
 */
function passwordChecker(): Checker {
  if (checker) return checker;
  const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
  const common = require('@zxcvbn-ts/language-common') as typeof LanguageCommon;
  const en = require('@zxcvbn-ts/language-en') as typeof LanguageEn;
  checker = {
    common: new Set(common.dictionary['passwords-common'].map((p) => p.toLowerCase())),
    zxcvbn: new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    }),
  };
  return checker;
}

/** Why a password was refused; the client words each one in the reader's language. */
export type WeakPasswordReason = 'TOO_SHORT' | 'COMMON_PASSWORD' | 'WEAK_PASSWORD';

/**
 * Refuses a password that is short, on the common list, or guessable (zxcvbn, told the
 * person's own name and e-mail and the Committee's words, which a guesser would try first).
 * The refusal is BAD_USER_INPUT with `reason` and, for a weak one, zxcvbn's own hint.
 */
export function assertStrongPassword(
  password: string,
  about: { email?: string; name?: string } = {},
  field = 'password',
): void {
  const refuse = (reason: WeakPasswordReason, message: string) =>
    appError(ErrorCode.BadUserInput, message, { field, reason });
  if (password.length < MIN_PASSWORD_LENGTH)
    throw refuse(
      'TOO_SHORT',
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    );
  const { common, zxcvbn } = passwordChecker();
  if (common.has(password.toLowerCase()))
    throw refuse(
      'COMMON_PASSWORD',
      'This password is on a list of common passwords: choose another.',
    );
  const inputs = [about.email ?? '', ...(about.name ?? '').split(/\s+/), 'committee', '1540']
    .concat((about.email ?? '').split(/[@.]/))
    .filter((w) => w.length > 2);
  const result = zxcvbn.check(password.slice(0, 100), inputs);
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? '';
    throw refuse(
      'WEAK_PASSWORD',
      `This password is too easy to guess${hint ? ` (${hint.replace(/\.$/, '')})` : ''}: add more words or characters.`,
    );
  }
}
