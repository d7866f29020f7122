/**
 * A step of opening a page, marked the first time it is reached (renders repeat): read by
 * `npm run bench:client` and shown in the browser's performance panel.
 */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
