import { describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { fr } from './fr';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );

describe('interface language', () => {
  it('has every English message in French too', () => {
    expect(keys(fr as unknown as Tree).sort()).toEqual(keys(en as unknown as Tree).sort());
  });

  it('remembers the chosen language for the next visit', async () => {
    vi.resetModules();
    const first = await import('./i18n');
    first.setLang('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(first.i18n.t('dashboard.title')).toBe('Les projets en un coup d’œil');
    vi.resetModules();
    const next = await import('./i18n');
    expect(next.i18n.language).toBe('fr');
    expect(next.apiLang('fr')).toBe('FR');
  });
});
