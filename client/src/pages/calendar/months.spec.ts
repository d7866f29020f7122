import { describe, expect, it } from 'vitest';
import { monthNavigation, programmeMonths } from './months';

// The nineteenth programme of work: 1 February 2020 to 31 January 2021.
const period = { start: '2020-02-01T00:00:00.000Z', end: '2021-01-31T00:00:00.000Z' };
const meetingMonths = ['2020-03', '2020-02', '2020-03', '2020-06', '2020-10'];
const after = new Date('2025-06-15T12:00:00Z');

describe('months of the programme', () => {
  it('are every month from its start to its end, with or without meetings', () => {
    const months = programmeMonths(period, meetingMonths);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2020-02');
    expect(months).toContain('2020-09');
    expect(months[11]).toBe('2021-01');
  });

  it('include a month with meetings outside the period, and only those without a period', () => {
    expect(programmeMonths(period, ['2021-03'])).toContain('2021-03');
    expect(programmeMonths(null, meetingMonths)).toEqual([
      '2020-02',
      '2020-03',
      '2020-06',
      '2020-10',
    ]);
  });
});

describe('month navigation', () => {
  const months = programmeMonths(period, meetingMonths);

  it('goes through every month, those without meetings too', () => {
    expect(monthNavigation(months, '2020-08', after)).toEqual({
      kind: 'month',
      current: '2020-08',
      previous: '2020-07',
      next: '2020-09',
    });
    expect(monthNavigation(months, '2020-09', after)).toEqual({
      kind: 'month',
      current: '2020-09',
      previous: '2020-08',
      next: '2020-10',
    });
    expect(monthNavigation(months, '2021-01', after)).toEqual({
      kind: 'month',
      current: '2021-01',
      previous: '2020-12',
      next: null,
    });
    expect(monthNavigation(months, '2020-02', after)).toEqual({
      kind: 'month',
      current: '2020-02',
      previous: null,
      next: '2020-03',
    });
  });

  it('opens on the current month while the programme runs, on its first month otherwise', () => {
    expect(monthNavigation(months, undefined, new Date('2020-09-10T12:00:00Z'))).toMatchObject({
      kind: 'month',
      current: '2020-09',
    });
    expect(monthNavigation(months, undefined, after)).toMatchObject({
      kind: 'month',
      current: '2020-02',
    });
  });

  it('says when the address names no month of the programme, offering one that is', () => {
    expect(monthNavigation(months, 'foo', after)).toEqual({
      kind: 'invalid',
      requested: 'foo',
      fallback: '2020-02',
    });
    expect(monthNavigation(months, '2019-05', after)).toEqual({
      kind: 'invalid',
      requested: '2019-05',
      fallback: '2020-02',
    });
    expect(monthNavigation(months, '2020-13', new Date('2020-09-10T12:00:00Z'))).toEqual({
      kind: 'invalid',
      requested: '2020-13',
      fallback: '2020-09',
    });
    expect(monthNavigation([], '2020-02', after)).toEqual({ kind: 'none' });
  });
});
