/**
 * The one polling helper of the tests: reads `get` until `want` accepts its value, and returns
 * that value; fails naming what was awaited and the last value seen. For state that changes
 * asynchronously (a page, another process, the database), never a fixed delay.
 */
export async function waitFor<T>(
  get: () => T | Promise<T>,
  want: (value: T) => boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await get();
    if (want(last)) return last;
    if (Date.now() > deadline)
      throw new Error(
        `${what} not reached within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until `check` holds. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  await waitFor(check, (ok) => ok, timeoutMs, what);
}
