import { assertStrongPassword } from './password-strength';

const about = { email: 'delegate@committee.test', name: 'Ana Delegate' };
const reasonOf = (password: string): string | null => {
  try {
    assertStrongPassword(password, about);
    return null;
  } catch (err) {
    return String((err as { extensions: { reason: string } }).extensions.reason);
  }
};

describe('password strength', () => {
  it('refuses short passwords', () => {
    expect(reasonOf('Xq7#pL9!')).toBe('TOO_SHORT');
  });

  it('refuses passwords on the common list shipped with zxcvbn-ts, whatever their case', () => {
    expect(reasonOf('password1234')).toBe('COMMON_PASSWORD');
    expect(reasonOf('QWERTYUIOP123')).toBe('COMMON_PASSWORD');
  });

  it('refuses guessable ones, also those made of the person’s own name and e-mail', () => {
    expect(reasonOf('aaaaaaaaaaaaaaaa')).toBe('WEAK_PASSWORD');
    expect(reasonOf('delegate@committee.test')).toBe('WEAK_PASSWORD');
  });

  it('accepts a long passphrase and a random string', () => {
    expect(reasonOf('Plum orchard 47 under rain')).toBeNull();
    expect(reasonOf('v8#Kd!2mQz@7tLw')).toBeNull();
  });
});
