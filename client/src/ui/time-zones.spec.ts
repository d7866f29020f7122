import { describe, expect, it } from 'vitest';
import { formatInZone, NEW_YORK, zonedToUtc } from './time-zones';

describe('time zones', () => {
  it('reads a wall-clock time in New York, in winter and in summer', () => {
    expect(zonedToUtc('2026-11-30T12:00', NEW_YORK)?.toISOString()).toBe(
      '2026-11-30T17:00:00.000Z',
    );
    expect(zonedToUtc('2020-08-14T12:00', NEW_YORK)?.toISOString()).toBe(
      '2020-08-14T16:00:00.000Z',
    );
    expect(zonedToUtc('2026-11-30T12:00', 'UTC')?.toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(zonedToUtc('', NEW_YORK)).toBeNull();
    expect(zonedToUtc('tomorrow', NEW_YORK)).toBeNull();
  });

  it('names a moment in a zone, in either language', () => {
    expect(formatInZone('2026-11-30T17:00:00Z', 'en', NEW_YORK)).toMatch(/30 November 2026.*12:00/);
    expect(formatInZone('2026-11-30T17:00:00Z', 'fr', NEW_YORK)).toMatch(/30 novembre 2026.*12:00/);
  });
});
