/**
 * What a page shows of its query: the data, or while the query loads again for new variables
 * (the other language's titles), the data it showed before. Switching language then keeps the
 * page on screen instead of blanking it to a loading state. `same` tells whether that earlier
 * data is still about what the page shows (the same draft, not the one left behind).
 */
export function shownData<T>(
  result: { data?: T; previousData?: T },
  same: (previous: T) => boolean = () => true,
): T | undefined {
  if (result.data !== undefined) return result.data;
  const previous = result.previousData;
  return previous !== undefined && same(previous) ? previous : undefined;
}
