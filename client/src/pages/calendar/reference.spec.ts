import { describe, expect, it } from 'vitest';
import { formatReference } from './reference';

// The references of Annex II, as the seed (and the programme) writes them.
const cases: [string, string, string][] = [
  ['par. 4', 'par. 4', 'par. 4'],
  ['par. 11 c)', 'par. 11 (c)', 'par. 11 c)'],
  ['par. 6 d) ii)', 'par. 6 (d) (ii)', 'par. 6 d) ii)'],
  ['par. 6 c) i-iii)', 'par. 6 (c) (i)–(iii)', 'par. 6 c) i) à iii)'],
  ['par. 6 d) i) à ii)', 'par. 6 (d) (i)–(ii)', 'par. 6 d) i) à ii)'],
  ['par. 4 et 11 d)', 'par. 4 and 11 (d)', 'par. 4 et 11 d)'],
  ['par. 4, 6 c) iii), 8 et 9', 'par. 4, 6 (c) (iii), 8 and 9', 'par. 4, 6 c) iii), 8 et 9'],
];

describe('references to the modalities paper', () => {
  it.each(cases)('%s reads "%s" in English and "%s" in French', (ref, en, fr) => {
    expect(formatReference(ref, 'en')).toBe(en);
    expect(formatReference(ref, 'fr')).toBe(fr);
  });

  it('reads one written the English way too', () => {
    expect(formatReference('para. 6 (d) (i) to (ii)', 'fr')).toBe('par. 6 d) i) à ii)');
    expect(formatReference('paras. 4 and 11 (d)', 'fr')).toBe('par. 4 et 11 d)');
  });

  it('shows one it cannot read as it was written', () => {
    expect(formatReference('Annex I', 'en')).toBe('Annex I');
    expect(formatReference('par. 6 a-b) i)', 'en')).toBe('par. 6 a-b) i)');
    expect(formatReference('  resolution 1540 (2004) ', 'fr')).toBe('resolution 1540 (2004)');
  });
});
