import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLang } from '../../../i18n/i18n';
import { blocksOf, type Change } from './comparison-blocks';
import { ComparisonText } from './comparison-text';

const chair = { id: 'u1', name: 'Chair of the Committee' };
const delegate = { id: 'u2', name: 'Delegate of France' };

const changes: Change[] = [
  { kind: 'UNCHANGED', text: 'Overview\n', paragraph: null, authors: [] },
  { kind: 'UNCHANGED', text: 'The Committee ', paragraph: 1, authors: [] },
  { kind: 'DELETED', text: 'notes', paragraph: 1, authors: [delegate] },
  { kind: 'INSERTED', text: 'welcomes', paragraph: 1, authors: [chair] },
  { kind: 'UNCHANGED', text: ' the reports.', paragraph: 1, authors: [] },
  { kind: 'UNCHANGED', text: '\n', paragraph: 1, authors: [] },
  { kind: 'INSERTED', text: 'States are encouraged to report.\n', paragraph: 2, authors: [] },
  { kind: 'UNCHANGED', text: 'Assistance is available.', paragraph: 3, authors: [] },
];

describe('comparison of two texts of a draft', () => {
  it('cuts the passages into blocks at line breaks, numbered as the draft numbers its paragraphs', () => {
    const blocks = blocksOf(changes);
    expect(blocks.map((b) => b.number)).toEqual([null, 1, 2, 3]);
    expect(blocks.map((b) => b.parts.map((p) => p.text).join(''))).toEqual([
      'Overview',
      'The Committee noteswelcomes the reports.',
      'States are encouraged to report.',
      'Assistance is available.',
    ]);
  });

  it('numbers a wholly deleted paragraph as the older text did', () => {
    const blocks = blocksOf([
      { kind: 'UNCHANGED', text: 'Kept.\n', paragraph: 1, authors: [] },
      { kind: 'DELETED', text: 'Gone.\n', paragraph: 2, authors: [delegate] },
    ]);
    expect(blocks.map((b) => [b.number, b.parts[0].kind])).toEqual([
      [1, 'UNCHANGED'],
      [2, 'DELETED'],
    ]);
  });

  it('underlines insertions and strikes deletions, says so to screen readers, and names their authors', () => {
    setLang('en');
    const { container } = render(<ComparisonText changes={changes} />);
    const inserted = container.querySelectorAll('ins');
    const deleted = container.querySelectorAll('del');
    expect(inserted).toHaveLength(2);
    expect(deleted).toHaveLength(1);
    expect(inserted[0].className).toBe('change-inserted');
    expect(deleted[0].className).toBe('change-deleted');
    // Text for screen readers around each change, not colour alone.
    expect(inserted[0].textContent).toBe('[inserted: welcomes]');
    expect(deleted[0].textContent).toBe('[deleted: notes]');
    expect(inserted[0].querySelector('.visually-hidden')?.textContent).toBe('[inserted: ');
    // Reachable from the keyboard, and described by who made it.
    expect(inserted[0].tabIndex).toBe(0);
    const tip = document.getElementById(inserted[0].getAttribute('aria-describedby') ?? '');
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.textContent).toBe('Inserted by Chair of the Committee');
    const delTip = document.getElementById(deleted[0].getAttribute('aria-describedby') ?? '');
    expect(delTip?.textContent).toBe('Deleted by Delegate of France');
    expect(screen.getByText('Inserted (author not recorded)')).toBeTruthy();
    // Paragraph numbers as the draft shows them; none on the heading.
    const numbers = [...container.querySelectorAll('.compare-number')].map((n) => n.textContent);
    expect(numbers).toEqual(['1.', '2.', '3.']);
    expect(container.querySelectorAll('.compare-block')[0].textContent).toBe('Overview');
  });

  it('speaks French in the French interface', () => {
    setLang('fr');
    const { container } = render(<ComparisonText changes={changes} />);
    expect(container.querySelector('ins')?.textContent).toBe('[inséré : welcomes]');
    expect(container.querySelector('del')?.textContent).toBe('[supprimé : notes]');
    expect(screen.getByText('Inséré par Chair of the Committee')).toBeTruthy();
  });

  it('says when the two texts are the same', () => {
    setLang('en');
    render(<ComparisonText changes={[changes[1]]} />);
    expect(screen.getByText('No differences: the two texts are the same.')).toBeTruthy();
  });
});
