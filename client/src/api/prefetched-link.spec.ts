import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { of } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftQuery } from '../pages/draft/draft.graphql';
import { DRAFT_PAGE_QUERY } from '../pages/draft/draft-page-query';
import { prefetchedLink } from './prefetched-link';
import { session } from './session';

// The query the page's HTML sends (the server writes this text into it).
const served = DRAFT_PAGE_QUERY;
const id = '0123456789abcdef01234567';
const draft = (title: string) => ({
  __typename: 'Draft',
  id,
  title,
  status: 'DRAFTING',
  statusChangedAt: null,
  deadline: null,
  can: {
    __typename: 'DraftAbilities',
    edit: true,
    comment: true,
    manage: false,
    changeStatus: false,
    adopt: false,
    createVersion: false,
    restoreVersion: false,
    decideBrackets: false,
    conductReading: false,
  },
  workingGroup: { __typename: 'WorkingGroup', id: 'g1', number: 1, title: 'Group' },
});

function setup() {
  const sent: string[] = [];
  const server = new ApolloLink((operation) => {
    sent.push(operation.operationName ?? '');
    return of({ data: { draft: draft('From the server') } });
  });
  const apollo = new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([prefetchedLink(), server]),
  });
  const query = () =>
    apollo.query({ query: DraftQuery, variables: { id, lang: 'EN' }, fetchPolicy: 'no-cache' });
  return { sent, query };
}

const prefetch = (
  result: unknown,
  changes: Partial<NonNullable<Window['__draftPagePrefetch']>> = {},
) => {
  window.__draftPagePrefetch = {
    token: 'token-1',
    variables: { id, lang: 'EN' },
    query: served,
    result: Promise.resolve(result as never),
    ...changes,
  };
};

describe('prefetchedLink', () => {
  beforeEach(() => {
    session.start({
      token: 'token-1',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'u1', name: 'Chair' },
    });
  });
  afterEach(() => {
    delete window.__draftPagePrefetch;
  });

  it('serves the query text Apollo Client sends for DraftPage', async () => {
    expect(served).toContain('query DraftPage(');
    const { sent, query } = setup();
    prefetch({ data: { draft: draft('Prefetched') } });
    const { data } = await query();
    expect(data?.draft?.title).toBe('Prefetched');
    expect(sent).toEqual([]);
    // Once only: the next one asks the server.
    expect((await query()).data?.draft?.title).toBe('From the server');
    expect(sent).toEqual(['DraftPage']);
  });

  it('asks the server when the prefetch does not fit or failed', async () => {
    const cases: [unknown, Partial<NonNullable<Window['__draftPagePrefetch']>>][] = [
      [{ data: { draft: draft('Prefetched') } }, { token: 'someone-else' }],
      [{ data: { draft: draft('Prefetched') } }, { variables: { id, lang: 'FR' } }],
      [{ data: { draft: draft('Prefetched') } }, { query: served.replace('deadline\n', '') }],
      [{ data: { draft: null }, errors: [{ message: 'Not found' }] }, {}],
      [null, {}],
    ];
    for (const [result, changes] of cases) {
      const { sent, query } = setup();
      prefetch(result, changes);
      expect((await query()).data?.draft?.title).toBe('From the server');
      expect(sent).toEqual(['DraftPage']);
    }
    const { sent, query } = setup();
    prefetch(null, { result: Promise.reject(new Error('offline')) });
    expect((await query()).data?.draft?.title).toBe('From the server');
    expect(sent).toEqual(['DraftPage']);
  });
});
