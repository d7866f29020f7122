import { describe, expect, it } from 'vitest';
import { shownData } from './shown-data';

describe('what a page shows of its query', () => {
  const english = { draft: { id: 'd1', title: 'Draft conclusions' } };
  const french = { draft: { id: 'd1', title: 'Projet de conclusions' } };
  const same = (previous: typeof english) => previous.draft.id === 'd1';

  it('is the data once it is there', () => {
    expect(shownData({ data: french, previousData: english }, same)).toBe(french);
  });
  it('is what was shown before while the other language loads', () => {
    expect(shownData({ data: undefined, previousData: english }, same)).toBe(english);
  });
  it('is nothing while loading something else, or the first time', () => {
    expect(
      shownData({ data: undefined, previousData: { draft: { id: 'd2', title: 'Other' } } }, same),
    ).toBeUndefined();
    expect(shownData<typeof english>({ data: undefined })).toBeUndefined();
  });
});
