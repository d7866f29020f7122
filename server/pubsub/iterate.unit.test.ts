import { EventQueue } from './iterate';

function consumer<T>(queue: EventQueue<T>, throwOn?: T) {
  const seen: T[] = [];
  const ends: (Error | null)[] = [];
  queue.consume(
    (value) => {
      if (value === throwOn) throw new Error(`cannot take ${String(value)}`);
      seen.push(value);
    },
    (error) => ends.push(error),
  );
  return { seen, ends };
}

describe('an event queue consumed by a callback', () => {
  it('hands over what was buffered, then each event as it is pushed, in order', () => {
    const queue = new EventQueue<number>(() => {});
    queue.push(1);
    queue.push(2);
    const { seen, ends } = consumer(queue);
    expect(seen).toEqual([1, 2]);
    queue.push(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(ends).toEqual([]);
  });

  it('ends once with the failure, after what was buffered, and closes', () => {
    let closed = 0;
    const queue = new EventQueue<number>(() => closed++);
    queue.push(1);
    queue.fail(new Error('gone'));
    const { seen, ends } = consumer(queue);
    expect(seen).toEqual([1]);
    expect(ends.map((e) => e?.message)).toEqual(['gone']);
    queue.fail(new Error('again'));
    queue.push(2);
    expect(seen).toEqual([1]);
    expect(ends).toHaveLength(1);
    expect(closed).toBe(1);
  });

  it('ends once with null on return(), as a for-await loop would, and takes nothing after', async () => {
    let closed = 0;
    const queue = new EventQueue<number>(() => closed++);
    const { seen, ends } = consumer(queue);
    await queue.return();
    await queue.return();
    queue.push(1);
    expect(seen).toEqual([]);
    expect(ends).toEqual([null]);
    expect(closed).toBe(1);
  });

  it('keeps a consumer that throws from failing the push (another person’s edit): its own stream ends with the error', () => {
    let closed = 0;
    const queue = new EventQueue<number>(() => closed++);
    const { seen, ends } = consumer(queue, 2);
    queue.push(1);
    expect(() => queue.push(2)).not.toThrow();
    queue.push(3);
    expect(seen).toEqual([1]);
    expect(ends.map((e) => e?.message)).toEqual(['cannot take 2']);
    expect(closed).toBe(1);
  });

  it('stops handing over buffered events at the first that throws', () => {
    const queue = new EventQueue<number>(() => {});
    for (const n of [1, 2, 3]) queue.push(n);
    const { seen, ends } = consumer(queue, 2);
    expect(seen).toEqual([1]);
    expect(ends).toHaveLength(1);
  });
});
