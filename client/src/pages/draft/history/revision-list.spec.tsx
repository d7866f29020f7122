import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/i18n';
import { DraftRevisionsQuery } from './history.graphql';
import { REVISIONS_PAGE, RevisionList } from './revision-list';

const DRAFT = 'd1';
const typed = <T extends object>(__typename: string, fields: T) => ({ __typename, ...fields });
const france = typed('Delegation', {
  id: 'del-FRA',
  code: 'FRA',
  nameEn: 'France',
  nameFr: 'France',
});
const estonia = typed('Delegation', {
  id: 'del-EST',
  code: 'EST',
  nameEn: 'Estonia',
  nameFr: 'Estonie',
});
// Local times, so that the expected text does not depend on the machine's time zone.
const at = (h: number, m: number) => new Date(2026, 10, 30, h, m).toISOString();

function revision(id: string, over: Record<string, unknown> = {}) {
  return typed('DraftRevision', {
    id,
    author: typed('User', { id: 'u-fr', name: 'Delegate (demo, France)' }),
    delegation: france,
    startedAt: at(4, 40),
    endedAt: at(4, 52),
    wordsInserted: 12,
    wordsDeleted: 3,
    open: false,
    ...over,
  });
}

type Node = ReturnType<typeof revision>;
const page = (
  nodes: Node[],
  after: string | null,
  hasMore: boolean,
  endCursor: string | null = nodes.at(-1)?.id ?? null,
): MockLink.MockedResponse => ({
  request: {
    query: DraftRevisionsQuery,
    variables: after
      ? { id: DRAFT, first: REVISIONS_PAGE, after }
      : { id: DRAFT, first: REVISIONS_PAGE },
  },
  result: {
    data: {
      draft: typed('Draft', {
        id: DRAFT,
        revisions: typed('DraftRevisionPage', { nodes, endCursor, hasMore }),
      }),
    },
  },
});

const cache = () =>
  new InMemoryCache({
    typePolicies: { Draft: { fields: { revisions: { merge: false } } } },
  });

function renderList(mocks: MockLink.MockedResponse[], refreshes = 0) {
  const c = cache();
  const view = render(
    <MockedProvider mocks={mocks} cache={c}>
      <RevisionList draftId={DRAFT} refreshes={refreshes} />
    </MockedProvider>,
  );
  return {
    ...view,
    refresh: (n: number) =>
      view.rerender(
        <MockedProvider mocks={mocks} cache={c}>
          <RevisionList draftId={DRAFT} refreshes={n} />
        </MockedProvider>,
      ),
  };
}

const items = () => screen.getAllByRole('listitem').map((li) => li.textContent);

afterEach(() => act(() => void i18n.changeLanguage('en')));

describe('the automatic revisions of a draft', () => {
  it('shows who, when and how many words, with the words spoken, and pages with "Show more"', async () => {
    const first = [
      revision('r3', {
        author: typed('User', { id: 'u-ee', name: 'Coordinator (demo, Estonia)' }),
        delegation: estonia,
        startedAt: at(5, 1),
        endedAt: at(5, 1),
        wordsInserted: 1,
        wordsDeleted: 0,
        open: true,
      }),
      revision('r2', { author: null, delegation: null }),
    ];
    renderList([page(first, null, true), page([revision('r1')], 'r2', false)]);
    await screen.findByText('Author no longer on the platform');
    expect(items()).toEqual([
      'Coordinator (demo) · Estonia · in progress30 Nov 2026, 05:01+1 word, −0 words1 word added, 0 words removed',
      'Author no longer on the platform30 Nov 2026, 04:40–04:52+12 words, −3 words12 words added, 3 words removed',
    ]);
    // The signs are for the eye; screen readers get the words.
    const words = screen.getAllByRole('listitem')[1].querySelector('.revision-words');
    expect(words?.querySelector('[aria-hidden="true"]')?.textContent).toBe('+12 words, −3 words');
    expect(words?.querySelector('.visually-hidden')?.textContent).toBe(
      '12 words added, 3 words removed',
    );
    // No colour for nothing: "−0 words" is not a deletion to notice.
    const newest = screen.getAllByRole('listitem')[0];
    expect(newest.querySelector('.revision-inserted')?.textContent).toBe('+1 word');
    expect(newest.querySelector('.revision-deleted')).toBeNull();

    const more = screen.getByRole('button', { name: 'Show more revisions' });
    expect(more.textContent).toBe('Show more');
    fireEvent.click(more);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    expect(items()[2]).toContain('Delegate (demo) · France');
    // The focus goes on to the first revision it brought, not lost with the button.
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('listitem')[2]));
    expect(screen.queryByRole('button', { name: 'Show more revisions' })).toBeNull();
  });

  it('says so when nobody has edited the draft', async () => {
    renderList([page([], null, false)]);
    await screen.findByText('No edits yet.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('reads the first page again when the panel refreshes', async () => {
    const closed = revision('r1');
    const open = revision('r1', { open: true });
    const { refresh } = renderList([page([open], null, false), page([closed], null, false)]);
    await screen.findByText(/in progress/);
    refresh(1);
    await waitFor(() => expect(screen.queryByText(/in progress/)).toBeNull());
    expect(items()).toHaveLength(1);
  });

  it('speaks French in the French interface', async () => {
    await act(() => i18n.changeLanguage('fr'));
    renderList([page([revision('r1', { open: true, wordsDeleted: 1 })], null, true)]);
    await screen.findByText(/en cours/);
    expect(items()).toEqual([
      'Delegate (demo) · France · en cours30 nov. 2026, 04:40–04:52+12 mots, −1 mot12 mots ajoutés, 1 mot supprimé',
    ]);
    expect(screen.getByRole('button', { name: 'Afficher plus de révisions' }).textContent).toBe(
      'Afficher plus',
    );
  });
});
