import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { DraftSummaryFragment } from '../../gql/graphql';
import { setLang } from '../../i18n/i18n';
import { DraftCard, editingNow } from './draft-card';

const draft: DraftSummaryFragment = {
  id: 'd1',
  title: 'Draft conclusions on national implementation',
  status: 'IN_REVIEW',
  deadline: '2020-08-31T00:00:00Z',
  lastEditedAt: '2020-08-20T11:58:00Z',
  lastEditedBy: { id: 'u1', name: 'Delegate of France' },
  editors: [
    { clientId: 1, user: { id: 'u2', name: 'Zed' } },
    { clientId: 2, user: { id: 'u1', name: 'Delegate of France' } },
    { clientId: 3, user: { id: 'u1', name: 'Delegate of France' } },
  ],
  length: 120,
  words: 21,
  openComments: 3,
  openBrackets: 2,
  openProposals: 2,
  paragraphsAgreed: 2,
  paragraphsTotal: 5,
  adRefPending: 1,
  changesSinceMyLastVisit: null,
  activity: [
    { day: '2020-08-19', edits: 4 },
    { day: '2020-08-20', edits: 6 },
  ],
  workingGroup: { id: 'g1', number: 1, title: 'National implementation' },
};

describe('draft card of the dashboard', () => {
  it('lists each person editing once, by name', () => {
    expect(editingNow(draft.editors)).toEqual(['Delegate of France', 'Zed']);
  });

  it('shows status, countdown, last edit, length, comments and activity', () => {
    render(
      <Router hook={memoryLocation().hook}>
        <DraftCard draft={draft} now={new Date('2020-08-20T12:00:00Z')} />
      </Router>,
    );
    const card = screen.getByRole('article', { name: draft.title });
    expect(within(card).getByText('In review')).toBeTruthy();
    expect(within(card).getByText('due in 11 days')).toBeTruthy();
    expect(card.querySelector('.last-edit')?.textContent).toMatch(/by Delegate of France$/);
    expect(card.querySelector('.editing-now')?.textContent).toBe('Delegate of France, Zed');
    expect(within(card).getByText('21 words')).toBeTruthy();
    expect(card.querySelector('.open-comments')?.textContent).toBe('3');
    expect(card.querySelector('.open-brackets')?.textContent).toBe('2');
    expect(within(card).getByRole('img', { name: '10 edits in the last 14 days' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: draft.title }).getAttribute('href')).toBe(
      '/drafts/d1',
    );
  });

  it('shows paragraphs agreed out of all as a bar, and ad ref awaiting confirmation', () => {
    const { container, rerender } = render(
      <Router hook={memoryLocation().hook}>
        <DraftCard draft={draft} now={new Date('2020-08-20T12:00:00Z')} />
      </Router>,
    );
    const cell = container.querySelector('.paragraphs-agreed') as HTMLElement;
    expect(cell.textContent).toBe('2 of 5 agreed1 ad ref. awaiting confirmation');
    expect((cell.querySelector('.agreement-bar > span') as HTMLElement).style.width).toBe('40%');
    rerender(
      <Router hook={memoryLocation().hook}>
        <DraftCard
          draft={{ ...draft, paragraphsAgreed: 0, paragraphsTotal: 0, adRefPending: 0 }}
          now={new Date('2020-08-20T12:00:00Z')}
        />
      </Router>,
    );
    expect(cell.textContent).toBe('No paragraphs yet');
    expect(cell.querySelector('.agreement-bar')).toBeNull();
  });

  it('groups the digits of long drafts', () => {
    render(
      <Router hook={memoryLocation().hook}>
        <DraftCard draft={{ ...draft, words: 11560 }} now={new Date('2020-08-20T12:00:00Z')} />
      </Router>,
    );
    expect(screen.getByText('11,560 words')).toBeTruthy();
  });

  it('says nobody is editing and that the deadline passed', () => {
    render(
      <Router hook={memoryLocation().hook}>
        <DraftCard
          draft={{ ...draft, editors: [], lastEditedAt: null, lastEditedBy: null }}
          now={new Date('2020-09-02T00:00:00Z')}
        />
      </Router>,
    );
    expect(screen.getByText('Nobody')).toBeTruthy();
    expect(screen.getByText('Not edited yet')).toBeTruthy();
    expect(screen.getByText('overdue by 2 days')).toBeTruthy();
  });

  it('says a deadline passed with the programme once that is over, without an alarm', () => {
    render(
      <Router hook={memoryLocation().hook}>
        <DraftCard
          draft={draft}
          now={new Date('2026-05-04T09:00:00Z')}
          programmeEnd="2021-01-31T00:00:00.000Z"
        />
      </Router>,
    );
    const deadline = screen.getByText('Passed with the programme (31 January 2021)');
    expect(deadline.classList.contains('overdue')).toBe(false);
    expect(screen.queryByText(/overdue/)).toBeNull();
  });

  it('still counts down a live deadline, and says how late one is while the programme runs', () => {
    const end = '2021-01-31T00:00:00.000Z';
    const { rerender } = render(
      <Router hook={memoryLocation().hook}>
        <DraftCard draft={draft} now={new Date('2020-08-20T12:00:00Z')} programmeEnd={end} />
      </Router>,
    );
    expect(screen.getByText('due in 11 days')).toBeTruthy();
    rerender(
      <Router hook={memoryLocation().hook}>
        <DraftCard draft={draft} now={new Date('2020-09-02T00:00:00Z')} programmeEnd={end} />
      </Router>,
    );
    expect(screen.getByText('overdue by 2 days').classList.contains('overdue')).toBe(true);
  });

  it('says how many changes others made since your last visit, only when there are some', () => {
    const card = (changesSinceMyLastVisit: number | null) =>
      render(
        <Router hook={memoryLocation().hook}>
          <DraftCard
            draft={{ ...draft, changesSinceMyLastVisit }}
            now={new Date('2020-08-20T12:00:00Z')}
          />
        </Router>,
      );
    const shown = (view: ReturnType<typeof card>) =>
      view.container.querySelector('.changes-since-visit')?.textContent ?? null;
    act(() => setLang('en'));
    let view = card(3);
    expect(shown(view)).toBe('3 changes since your last visit');
    view.unmount();
    view = card(1);
    expect(shown(view)).toBe('1 change since your last visit');
    view.unmount();
    // Nothing new, or never visited (then everything is new): no line at all.
    for (const none of [0, null]) {
      view = card(none);
      expect(shown(view)).toBeNull();
      view.unmount();
    }
    act(() => setLang('fr'));
    try {
      view = card(3);
      expect(shown(view)).toBe('3 modifications depuis votre dernière visite');
      view.unmount();
      view = card(1);
      expect(shown(view)).toBe('1 modification depuis votre dernière visite');
      view.unmount();
    } finally {
      act(() => setLang('en'));
    }
  });
});
