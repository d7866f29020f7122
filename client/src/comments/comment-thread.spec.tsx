import { ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { getMainDefinition } from '@apollo/client/utilities';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OperationTypeNode } from 'graphql';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AddCommentInput, CommentFieldsFragment } from '../gql/graphql';
import { i18n } from '../i18n/i18n';
import { CommentThreads } from './comment-thread';
import { AddCommentMutation, CommentsQuery } from './comments.graphql';
import { type PassageSource, PREVIEW_LENGTH, shortQuote } from './passage';

const DRAFT = 'd1';

/** A draft's selection as the page would give it, which the test changes as a reader would. */
function fakeSelection() {
  const listeners = new Set<() => void>();
  let quote: string | null = null;
  const source: PassageSource = {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    quote: () => quote,
    anchor: () => (quote ? { quote, start: 'START', end: 'END' } : null),
  };
  const select = (text: string | null) =>
    act(() => {
      quote = text;
      for (const l of listeners) l();
    });
  return { source, select };
}

// Results carry their __typename, as the server's do, for the cache to normalise them.
const typed = <T extends object>(__typename: string, fields: T) => ({ __typename, ...fields });
const delegation = (code: string, nameEn: string, nameFr: string) =>
  typed('Delegation', { id: `del-${code}`, code, nameEn, nameFr });
const author = (id: string, name: string, of: ReturnType<typeof delegation> | null) =>
  typed('User', { id, name, delegation: of });

function comment(
  over: Partial<CommentFieldsFragment> & { id: string },
): CommentFieldsFragment & { __typename: 'Comment' } {
  return {
    __typename: 'Comment',
    targetId: DRAFT,
    threadId: over.id,
    parentId: null,
    body: 'A comment',
    deleted: false,
    resolved: false,
    createdAt: new Date().toISOString(),
    author: null,
    anchor: null,
    consultation: null,
    consultationParagraph: null,
    can: typed('CommentAbilities', { edit: false, delete: false, resolve: false }),
    ...over,
  };
}

const listed = (comments: CommentFieldsFragment[]): MockLink.MockedResponse => ({
  request: { query: CommentsQuery, variables: { targetId: DRAFT } },
  result: { data: { comments } },
});

const added = (input: AddCommentInput, calls: AddCommentInput[]): MockLink.MockedResponse => ({
  request: { query: AddCommentMutation, variables: { input } },
  result: () => {
    calls.push(input);
    return {
      data: {
        addComment: comment({
          id: `new-${calls.length}`,
          body: input.body,
          anchor: input.anchor
            ? typed('CommentAnchor', { quote: input.anchor.quote, start: 'START', end: 'END' })
            : null,
        }),
      },
    };
  },
});

// Live events are not what these tests are about: subscriptions stay open and silent.
const isSubscription: Parameters<typeof ApolloLink.split>[0] = ({ query }) => {
  const def = getMainDefinition(query);
  return def.kind === 'OperationDefinition' && def.operation === OperationTypeNode.SUBSCRIPTION;
};

function renderThreads(mocks: MockLink.MockedResponse[], passage?: PassageSource) {
  const link = ApolloLink.split(
    isSubscription,
    new ApolloLink(() => new Observable(() => undefined)),
    new MockLink(mocks),
  );
  return render(
    <MockedProvider link={link}>
      <CommentThreads targetId={DRAFT} canWrite passage={passage} />
    </MockedProvider>,
  );
}

afterEach(() => act(() => void i18n.changeLanguage('en')));

describe('new comment on a draft: the passage or the whole draft', () => {
  it('shows the hint only while nothing is selected, and a live preview of the selected passage', async () => {
    const { source, select } = fakeSelection();
    renderThreads([listed([])], source);
    await screen.findByText('No comments yet.');
    const onPassage = screen.getByRole('radio', {
      name: 'On the selected passage',
    }) as HTMLInputElement;
    const whole = screen.getByRole('radio', { name: 'On the whole draft' }) as HTMLInputElement;
    expect(screen.getByText('Select a passage of the text to comment on it.')).toBeTruthy();
    expect([onPassage.disabled, onPassage.checked, whole.checked]).toEqual([true, false, true]);

    select('national implementation');
    expect(screen.queryByText('Select a passage of the text to comment on it.')).toBeNull();
    expect(document.querySelector('.passage-preview')?.textContent).toBe(
      '“national implementation”',
    );
    expect([onPassage.disabled, onPassage.checked, whole.checked]).toEqual([false, true, false]);
    expect(onPassage.getAttribute('aria-describedby')).toBe(
      document.querySelector('.passage-preview')?.id,
    );

    const long = `${'The Committee encourages States to report on their national measures '.repeat(5)}end`;
    select(long);
    const preview = document.querySelector('.passage-preview')?.textContent ?? '';
    expect(preview.startsWith('“The Committee encourages States')).toBe(true);
    expect(preview.endsWith('…”')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_LENGTH + 2);

    select(null);
    expect(screen.getByText('Select a passage of the text to comment on it.')).toBeTruthy();
    expect(document.querySelector('.passage-preview')).toBeNull();
    expect(whole.checked).toBe(true);
  });

  it('anchors to the selected passage, or sends no anchor for the whole draft', async () => {
    const { source, select } = fakeSelection();
    const calls: AddCommentInput[] = [];
    const onPassage: AddCommentInput = {
      targetId: DRAFT,
      body: 'Say "issue"',
      parentId: null,
      anchor: { quote: 'the passage', start: 'START', end: 'END' },
    };
    const onWhole: AddCommentInput = {
      targetId: DRAFT,
      body: 'Too long overall',
      parentId: null,
      anchor: null,
    };
    renderThreads([listed([]), added(onPassage, calls), added(onWhole, calls)], source);
    await screen.findByText('No comments yet.');
    const box = screen.getByRole('textbox', { name: 'Add a comment' });

    select('the passage');
    fireEvent.change(box, { target: { value: onPassage.body } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('On “the passage”');

    // The passage is still selected, but the person chooses the whole draft.
    fireEvent.click(screen.getByRole('radio', { name: 'On the whole draft' }));
    expect(document.querySelector('.passage-preview')?.textContent).toBe('“the passage”');
    fireEvent.change(box, { target: { value: onWhole.body } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(
        document.querySelector('.thread-scope')?.closest('.thread')?.querySelector('.body')
          ?.textContent,
      ).toBe(onWhole.body),
    );
    expect(calls).toEqual([onPassage, onWhole]);
    // Its thread says what it is about; after sending, a selected passage is proposed again.
    expect(document.querySelector('.thread-scope')?.textContent).toBe('On the whole draft');
    await waitFor(() =>
      expect(
        (screen.getByRole('radio', { name: 'On the selected passage' }) as HTMLInputElement)
          .checked,
      ).toBe(true),
    );
  });

  it('offers no passage on an agenda item', async () => {
    renderThreads([listed([])]);
    await screen.findByText('No comments yet.');
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByText('Select a passage of the text to comment on it.')).toBeNull();
  });
});

describe('authors of comments', () => {
  const comments = [
    comment({
      id: 'c1',
      body: 'From France',
      author: author('u1', 'Delegate (demo, France)', delegation('FRA', 'France', 'France')),
    }),
    comment({
      id: 'c2',
      body: 'From Estonia',
      author: author(
        'u2',
        'Working group 1 coordinator (demo, Estonia)',
        delegation('EST', 'Estonia', 'Estonie'),
      ),
    }),
    comment({
      id: 'c3',
      body: 'From the experts',
      author: author('u3', 'Group of Experts member (demo)', null),
    }),
  ];
  const meta = (body: string) =>
    screen.getByText(body).closest('.comment')?.querySelector('.meta')?.textContent ?? '';

  it('names each person once, with their delegation once', async () => {
    renderThreads([listed(comments)]);
    await screen.findByText('From France');
    expect(meta('From France')).toMatch(/^Delegate \(demo\) · France · /);
    expect(meta('From Estonia')).toMatch(/^Working group 1 coordinator \(demo\) · Estonia · /);
    expect(meta('From the experts')).toMatch(/^Group of Experts member \(demo\) · /);
    expect(document.body.textContent).not.toMatch(/\((FRA|EST)\)/);
  });

  it('names the delegation in the interface language, and still only once', async () => {
    act(() => void i18n.changeLanguage('fr'));
    renderThreads([listed(comments)]);
    await screen.findByText('From Estonia');
    expect(meta('From Estonia')).toMatch(/^Working group 1 coordinator \(demo\) · Estonie · /);
  });
});

describe('passage previews', () => {
  it('keeps a short passage whole and on one line, and cuts a long one at a word', () => {
    expect(shortQuote('  national\n implementation ')).toBe('national implementation');
    const cut = shortQuote('word '.repeat(60), 40);
    expect(cut).toBe(`${'word '.repeat(7).trim()}…`);
    expect(shortQuote('x'.repeat(50), 40)).toBe(`${'x'.repeat(39)}…`);
  });
});

describe('actions on a comment: what the server says this person may do, nothing else', () => {
  const can = (edit: boolean, del: boolean, resolve: boolean) =>
    typed('CommentAbilities', { edit, delete: del, resolve });
  const actionsOf = (body: string) =>
    Array.from(screen.getByText(body).closest('.thread')?.querySelectorAll('button') ?? [])
      .map((b) => b.textContent)
      .filter((text) => text !== 'Reply');

  it('shows edit, delete and resolve only where the comment allows them', async () => {
    renderThreads([
      listed([
        comment({ id: 'mine', body: 'My own', can: can(true, true, true) }),
        comment({ id: 'theirs', body: 'Someone else’s', can: can(false, false, false) }),
        comment({ id: 'managed', body: 'On my group’s draft', can: can(false, true, true) }),
      ]),
    ]);
    await screen.findByText('My own');
    expect(actionsOf('My own')).toEqual(['Edit', 'Delete', 'Resolve']);
    expect(actionsOf('Someone else’s')).toEqual([]);
    expect(actionsOf('On my group’s draft')).toEqual(['Delete', 'Resolve']);
  });
});
