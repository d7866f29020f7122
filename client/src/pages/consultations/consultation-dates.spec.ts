import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { closingText } from './consultation-dates';

const t = (lang: 'en' | 'fr') => i18n.getFixedT(lang);

describe('a consultation’s closing, as the pages say it', () => {
  it('gives the closing date in New York time, in either language', () => {
    const c = { open: true, closesAt: '2026-12-03T17:00:00Z', closedAt: null };
    expect(closingText(c, t('en'), 'en')).toMatch(
      /^Closes on 3 December 2026.*12:00.*\(New York time\)/,
    );
    expect(closingText(c, t('fr'), 'fr')).toMatch(
      /^Close le 3 décembre 2026.*12:00.*\(heure de New York\)/,
    );
  });

  it('says when there is no date, and when it closed', () => {
    expect(closingText({ open: true, closesAt: null }, t('en'), 'en')).toBe(
      'Open until the Secretariat closes it',
    );
    expect(
      closingText({ open: false, closesAt: null, closedAt: '2026-12-01T15:30:00Z' }, t('en'), 'en'),
    ).toMatch(/^Closed on 1 December 2026.*10:30/);
  });
});
