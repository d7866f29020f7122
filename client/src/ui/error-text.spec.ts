import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { RequestError } from '../collab/graphql-request';
import { errorCode, errorText } from './error-text';

const refused = new CombinedGraphQLErrors({
  errors: [
    {
      message: 'Only the Chair or the Secretariat may mark a draft adopted.',
      extensions: { code: 'FORBIDDEN' },
    },
  ],
});

describe('error messages', () => {
  it("shows the server's precise reason in English and what the code means in French", () => {
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(errorText(refused, 'en')).toBe(
      'Only the Chair or the Secretariat may mark a draft adopted.',
    );
    expect(errorText(refused, 'fr')).toBe('Vous n’êtes pas autorisé·e à faire cela.');
  });
  it('says the server cannot be reached when no answer came, in both languages', () => {
    const lost = new RequestError('connection lost: 1006', 'NETWORK');
    expect(errorText(lost, 'en')).toBe(
      'The server cannot be reached. Check the connection and try again.',
    );
    expect(errorText(new TypeError('Failed to fetch'), 'fr')).toBe(
      'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
    );
  });
  it('falls back to a general message for codes it does not know', () => {
    const odd = new CombinedGraphQLErrors({
      errors: [{ message: 'boom', extensions: { code: 'SOMETHING_ELSE' } }],
    });
    expect(errorCode(odd)).toBe('OTHER');
    expect(errorText(odd, 'fr')).toBe('Une erreur est survenue.');
  });
});
