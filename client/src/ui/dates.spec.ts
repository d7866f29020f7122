import { describe, expect, it } from 'vitest';
import { countdown } from './dates';

describe('deadline countdown', () => {
  const now = new Date('2020-08-20T12:00:00Z');
  it('counts down to a deadline ahead, in the interface language', () => {
    expect(countdown('2020-08-31T12:00:00Z', now, 'en')).toEqual({ overdue: false, distance: '11 days' });
    expect(countdown('2020-08-31T12:00:00Z', now, 'fr')).toEqual({ overdue: false, distance: '11 jours' });
  });
  it('says how late a passed deadline is', () => {
    expect(countdown('2020-08-19T12:00:00Z', now, 'en')).toEqual({ overdue: true, distance: '1 day' });
  });
});
