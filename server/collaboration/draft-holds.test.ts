import { DraftHolds } from './draft-holds';

describe('draft holds', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const track = () => {
    const events: string[] = [];
    const holds = new DraftHolds(1000, {
      opened: (id) => events.push(`opened ${id}`),
      closed: (id) => events.push(`closed ${id}`),
      unload: (id) => events.push(`unload ${id}`),
    });
    return { events, holds };
  };

  it('unloads a draft only after nobody held it for the idle delay', () => {
    const { events, holds } = track();
    const a = holds.hold('d');
    const b = holds.hold('d');
    a();
    expect(events).toEqual(['opened d']);
    b();
    jest.advanceTimersByTime(999);
    expect(events).toEqual(['opened d', 'closed d']);
    expect(holds.size).toBe(1);
    jest.advanceTimersByTime(1);
    expect(events).toEqual(['opened d', 'closed d', 'unload d']);
    expect(holds.size).toBe(0);
  });

  it('keeps a draft that is held again within the delay (a reconnect), and counts a release once', () => {
    const { events, holds } = track();
    const first = holds.hold('d');
    first();
    jest.advanceTimersByTime(500);
    const again = holds.hold('d');
    first();
    jest.advanceTimersByTime(5000);
    expect(events).toEqual(['opened d', 'closed d', 'opened d']);
    expect(holds.holders).toBe(1);
    again();
    jest.advanceTimersByTime(1000);
    expect(events.at(-1)).toBe('unload d');
    expect(holds.size).toBe(0);
  });
});
