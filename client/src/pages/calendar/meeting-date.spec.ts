import { describe, expect, it } from 'vitest';
import { meetingMoment, typedFrom } from './meeting-date';

describe('a meeting date as typed', () => {
  it('reads a whole date and time in the reader’s own zone', () => {
    const r = meetingMoment({ date: '2020-08-20', time: '11:00', incomplete: false });
    expect(r).toEqual({ iso: new Date('2020-08-20T11:00:00').toISOString() });
    expect(typedFrom((r as { iso: string }).iso)).toEqual({ date: '2020-08-20', time: '11:00' });
  });

  it('says what is wrong', () => {
    expect(meetingMoment({ date: '', time: '10:00', incomplete: false })).toEqual({
      problem: 'dateMissing',
    });
    expect(meetingMoment({ date: '', time: '10:00', incomplete: true })).toEqual({
      problem: 'dateIncomplete',
    });
    expect(meetingMoment({ date: '1999-12-31', time: '10:00', incomplete: false })).toEqual({
      problem: 'dateOutOfRange',
    });
    expect(meetingMoment({ date: '2100-01-01', time: '10:00', incomplete: false })).toEqual({
      problem: 'dateOutOfRange',
    });
    expect(meetingMoment({ date: '2020-08-20', time: '', incomplete: false })).toEqual({
      problem: 'timeMissing',
    });
  });
});
