import { describe, expect, it } from 'vitest';
import { countdown, deadlineState, formatMeetingDate, formatMonth, formatSpan } from './dates';

describe('deadline countdown', () => {
  const now = new Date('2020-08-20T12:00:00Z');
  it('counts down to a deadline ahead, in the interface language', () => {
    expect(countdown('2020-08-31T12:00:00Z', now, 'en')).toEqual({
      overdue: false,
      distance: '11 days',
    });
    expect(countdown('2020-08-31T12:00:00Z', now, 'fr')).toEqual({
      overdue: false,
      distance: '11 jours',
    });
  });
  it('says how late a passed deadline is', () => {
    expect(countdown('2020-08-19T12:00:00Z', now, 'en')).toEqual({
      overdue: true,
      distance: '1 day',
    });
  });
});

describe('deadline of a draft', () => {
  const end = '2021-01-31T00:00:00.000Z';
  it('counts down while it is ahead', () => {
    expect(
      deadlineState('2020-08-31T12:00:00Z', new Date('2020-08-20T12:00:00Z'), 'en', end),
    ).toEqual({ kind: 'due', distance: '11 days' });
  });
  it('is overdue while the programme still runs', () => {
    expect(
      deadlineState('2020-08-31T00:00:00Z', new Date('2020-09-02T00:00:00Z'), 'en', end),
    ).toEqual({ kind: 'overdue', distance: '2 days' });
    // The programme's last day is not over yet.
    expect(
      deadlineState('2020-08-31T00:00:00Z', new Date('2021-01-31T18:00:00Z'), 'en', end).kind,
    ).toBe('overdue');
    expect(
      deadlineState('2020-08-31T00:00:00Z', new Date('2026-01-01T00:00:00Z'), 'en', null).kind,
    ).toBe('overdue');
  });
  it('passed with the programme once that is over', () => {
    expect(
      deadlineState('2020-08-31T00:00:00Z', new Date('2026-01-01T00:00:00Z'), 'en', end),
    ).toEqual({ kind: 'closed', programmeEnd: '31 January 2021' });
    expect(
      deadlineState('2020-08-31T00:00:00Z', new Date('2026-01-01T00:00:00Z'), 'fr', end),
    ).toEqual({ kind: 'closed', programmeEnd: '31 janvier 2021' });
  });
  it('is overdue when set after the programme and passed', () => {
    expect(
      deadlineState('2025-06-01T00:00:00Z', new Date('2026-01-01T00:00:00Z'), 'en', end).kind,
    ).toBe('overdue');
  });
});

describe('months', () => {
  it('are named the same way everywhere, lower case in French', () => {
    expect(formatMonth('2020-02', 'fr')).toBe('février 2020');
    expect(formatMonth('2020-02', 'en')).toBe('February 2020');
    expect(formatMeetingDate({ date: '2020-03-10T15:00:00Z', dateIsIndicative: true }, 'fr')).toBe(
      'mars 2020',
    );
    expect(formatMeetingDate({ date: '2020-03-10T15:00:00Z', dateIsIndicative: false }, 'fr')).toBe(
      '10 mars 2020',
    );
  });
});

describe('span of time', () => {
  // Local times, so that the text does not depend on the machine's time zone.
  const at = (day: number, h: number, m: number) => new Date(2026, 10, day, h, m).toISOString();
  it('writes the date once within a day, in the interface language', () => {
    expect(formatSpan(at(30, 4, 40), at(30, 4, 52), 'en')).toBe('30 Nov 2026, 04:40–04:52');
    expect(formatSpan(at(30, 4, 40), at(30, 4, 52), 'fr')).toBe('30 nov. 2026, 04:40–04:52');
  });
  it('writes one moment for the same minute, and both dates across midnight', () => {
    expect(formatSpan(at(30, 4, 40), at(30, 4, 40), 'en')).toBe('30 Nov 2026, 04:40');
    expect(formatSpan(at(29, 23, 51), at(30, 0, 3), 'en')).toBe(
      '29 Nov 2026, 23:51 – 30 Nov 2026, 00:03',
    );
  });
});
