import { IdRanges } from './attribution';

describe('IdRanges: the deletions already recorded for a draft', () => {
  it('gives back only the parts of a range not seen before', () => {
    const r = new IdRanges();
    expect(r.add(1, 10, 20)).toEqual([[10, 20]]);
    expect(r.add(1, 10, 20)).toEqual([]);
    expect(r.add(1, 5, 25)).toEqual([
      [5, 10],
      [20, 25],
    ]);
    expect(r.add(1, 30, 40)).toEqual([[30, 40]]);
    expect(r.add(1, 0, 50)).toEqual([
      [0, 5],
      [25, 30],
      [40, 50],
    ]);
    expect(r.add(1, 12, 48)).toEqual([]);
    // Other clients are apart.
    expect(r.add(2, 12, 13)).toEqual([[12, 13]]);
  });
});
