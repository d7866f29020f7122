import { describe, expect, it } from 'vitest';
import { initials, presentUsers } from './presence-list';

describe('presence list', () => {
  it('shows each person once, whatever the number of their tabs, and ignores states without a user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'u1', name: 'Zoé', color: '#111' } }],
      [2, { user: { id: 'u1', name: 'Zoé', color: '#111' } }],
      [3, { user: { id: 'u2', name: 'Amadou', color: '#222' } }],
      [4, { cursor: null }],
    ]);
    expect(presentUsers(states)).toEqual([
      { id: 'u2', name: 'Amadou', color: '#222' },
      { id: 'u1', name: 'Zoé', color: '#111' },
    ]);
  });
  it('makes initials from letters only', () => {
    expect(initials('Delegate (demo, France)')).toBe('DD');
    expect(initials('élodie')).toBe('É');
  });
});
