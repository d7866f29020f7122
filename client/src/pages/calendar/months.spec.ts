import { describe, expect, it } from 'vitest';
import { monthNavigation } from './months';

describe('month navigation of the programme', () => {
  const months = ['2020-03', '2020-02', '2020-03', '2020-06'];
  it('starts at the first month with meetings and skips months without any', () => {
    expect(monthNavigation(months, undefined)).toEqual({ current: '2020-02', previous: null, next: '2020-03' });
    expect(monthNavigation(months, '2020-03')).toEqual({ current: '2020-03', previous: '2020-02', next: '2020-06' });
    expect(monthNavigation(months, '2020-06')).toEqual({ current: '2020-06', previous: '2020-03', next: null });
  });
  it('falls back to the first month for a month not in the programme, and to nothing when empty', () => {
    expect(monthNavigation(months, '1999-01').current).toBe('2020-02');
    expect(monthNavigation([], '2020-02')).toEqual({ current: null, previous: null, next: null });
  });
});
