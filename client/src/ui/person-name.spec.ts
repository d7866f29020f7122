import { describe, expect, it } from 'vitest';
import { nameWithoutDelegation, personLabel } from './person-name';

const france = { code: 'FRA', nameEn: 'France', nameFr: 'France' };
const estonia = { code: 'EST', nameEn: 'Estonia', nameFr: 'Estonie' };

describe('what to call a person', () => {
  it('drops the mention of their own delegation from the name, in either language or by code', () => {
    expect(personLabel({ name: 'Delegate (demo, France)', delegation: france }, 'en')).toEqual({
      name: 'Delegate (demo)',
      delegation: 'France',
    });
    expect(
      personLabel(
        { name: 'Working group 1 coordinator (demo, Estonia)', delegation: estonia },
        'fr',
      ),
    ).toEqual({ name: 'Working group 1 coordinator (demo)', delegation: 'Estonie' });
    expect(nameWithoutDelegation('Jaan Tamm (Estonie)', ['EST', 'Estonia', 'Estonie'])).toBe(
      'Jaan Tamm',
    );
    expect(nameWithoutDelegation('Jean Dupont (fra)', ['FRA', 'France'])).toBe('Jean Dupont');
  });

  it('keeps every other name as it is', () => {
    expect(personLabel({ name: 'Jean France', delegation: france }, 'en')).toEqual({
      name: 'Jean France',
      delegation: 'France',
    });
    expect(nameWithoutDelegation('Observer (demo, Kenya)', ['FRA', 'France'])).toBe(
      'Observer (demo, Kenya)',
    );
    expect(nameWithoutDelegation('(France)', ['France'])).toBe('(France)');
    expect(
      personLabel(
        { name: 'Secretariat officer (demo, Office for Disarmament Affairs)', delegation: null },
        'en',
      ),
    ).toEqual({
      name: 'Secretariat officer (demo, Office for Disarmament Affairs)',
      delegation: null,
    });
  });
});
