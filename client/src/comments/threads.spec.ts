import { describe, expect, it } from 'vitest';
import type { CommentFieldsFragment } from '../gql/graphql';
import { openCount, toThreads, upsertComment } from './threads';

let n = 0;
function comment(over: Partial<CommentFieldsFragment> & { id: string }): CommentFieldsFragment {
  n += 1;
  return {
    targetId: 't1',
    threadId: over.id,
    parentId: null,
    body: `body ${n}`,
    deleted: false,
    resolved: false,
    createdAt: `2026-11-29T10:00:${String(n).padStart(2, '0')}Z`,
    author: null,
    anchor: null,
    consultation: null,
    consultationParagraph: null,
    can: { edit: false, delete: false, resolve: false },
    ...over,
  };
}

describe('comment threads', () => {
  it('groups replies under their first comment, threads oldest first', () => {
    const a = comment({ id: 'a' });
    const b = comment({ id: 'b' });
    const a1 = comment({ id: 'a1', threadId: 'a', parentId: 'a' });
    const b1 = comment({ id: 'b1', threadId: 'b', parentId: 'b' });
    const a2 = comment({ id: 'a2', threadId: 'a', parentId: 'a1' });
    const threads = toThreads([a, b, a1, b1, a2]);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('still shows a reply whose thread is not loaded', () => {
    const orphan = comment({ id: 'x1', threadId: 'x', parentId: 'x' });
    expect(toThreads([orphan]).map((t) => t.root.id)).toEqual(['x1']);
  });

  it('adds a live comment once, and replaces a changed one in place', () => {
    const a = comment({ id: 'a' });
    const b = comment({ id: 'b' });
    const list = upsertComment(upsertComment([a], b), b);
    expect(list.map((c) => c.id)).toEqual(['a', 'b']);
    const resolved = { ...a, resolved: true };
    const after = upsertComment(list, resolved);
    expect(after.map((c) => [c.id, c.resolved])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(openCount(after)).toBe(1);
    expect(openCount([...after, comment({ id: 'd', deleted: true })])).toBe(1);
  });
});
