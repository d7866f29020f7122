import { buildAgendaItem, buildDraft, buildUser } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { Role } from '../users/role';

const ADD =
  'mutation($input: AddCommentInput!) { addComment(input: $input) { id body threadId parentId targetType author { name } resolved } }';
const LIST = 'query($t: ID!) { comments(targetId: $t) { id body deleted resolved } }';

describe('comments on agenda items and drafts', () => {
  let t: TestPlatform;
  // Seeded people (and one built here) only: every case builds the agenda items, drafts and
  // comments it needs, so any case runs alone.
  let tokens: Record<string, string>;
  beforeAll(async () => {
    t = await startTestPlatform();
    tokens = {
      chair: await t.login('chair@committee.test'),
      secretariat: await t.login('secretariat@committee.test'),
      coordinator1: await t.login('coordinator@committee.test'),
      delegate1: await t.login('delegate@committee.test'),
      delegate3: (await buildUser(t, [Role.DELEGATE], [3])).token,
      expert: await t.login('expert@committee.test'),
      observer: await t.login('observer@committee.test'),
    };
  });
  afterAll(() => t.stop());

  it('delivers a delegation’s comment on an agenda item live to another subscriber', async () => {
    const { itemId } = await buildAgendaItem();
    const base = t.listeners(Topic.CommentAdded, itemId);
    const live = subscribe(
      t.ws(tokens.observer),
      'subscription($t: ID!) { commentAdded(targetId: $t) { id body author { name } targetType } }',
      { t: itemId },
    );
    await t.listening(Topic.CommentAdded, itemId, base + 1);
    const res = await t.gql(
      ADD,
      { input: { targetId: itemId, body: '  Our delegation supports the draft letters.  ' } },
      tokens.delegate1,
    );
    expect(res.data!.addComment).toMatchObject({
      body: 'Our delegation supports the draft letters.',
      targetType: 'AGENDA_ITEM',
      parentId: null,
    });
    const event = await live.next();
    expect(event.commentAdded).toMatchObject({
      id: res.data!.addComment.id,
      author: { name: 'Delegate (demo, France)' },
    });
  });

  it('threads replies under their first comment and counts open comments', async () => {
    const { itemId, month } = await buildAgendaItem();
    const earlier = await t.gql(
      ADD,
      { input: { targetId: itemId, body: 'Our delegation supports the draft letters.' } },
      tokens.delegate1,
    );
    expect(earlier.errors).toBeUndefined();
    const root = (
      await t.gql(
        ADD,
        { input: { targetId: itemId, body: 'Could the reference be checked?' } },
        tokens.expert,
      )
    ).data!.addComment;
    const reply = (
      await t.gql(
        ADD,
        { input: { targetId: itemId, body: 'Checked: par. 6 c).', parentId: root.id } },
        tokens.secretariat,
      )
    ).data!.addComment;
    expect(reply).toMatchObject({ parentId: root.id, threadId: root.threadId });
    expect(root.threadId).toBe(root.id);
    const meetings = await t.gql(
      'query($m: String) { meetings(month: $m) { agenda { id openComments } } }',
      { m: month },
      tokens.chair,
    );
    expect(
      (meetings.data!.meetings as { agenda: { id: string; openComments: number }[] }[])
        .flatMap((m) => m.agenda)
        .find((a) => a.id === itemId)!.openComments,
    ).toBe(3);
  });

  it('refuses a reply whose parent is on another target', async () => {
    const { itemId } = await buildAgendaItem();
    const wg1Draft = await buildDraft(1);
    const other = (
      await t.gql(ADD, { input: { targetId: wg1Draft, body: 'On the draft' } }, tokens.delegate1)
    ).data!.addComment;
    const res = await t.gql(
      ADD,
      { input: { targetId: itemId, body: 'Misplaced', parentId: other.id } },
      tokens.delegate1,
    );
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('lets observers read but not comment', async () => {
    const { itemId, month } = await buildAgendaItem();
    const before = (await t.gql(LIST, { t: itemId }, tokens.observer)).data!.comments.length;
    const res = await t.gql(
      ADD,
      { input: { targetId: itemId, body: 'An observer speaks' } },
      tokens.observer,
    );
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST, { t: itemId }, tokens.observer)).data!.comments).toHaveLength(before);
    // The agenda says so beforehand, from the same policy.
    const canComment = async (token: string) =>
      (
        (
          await t.gql(
            'query($m: String) { meetings(month: $m) { agenda { id can { comment } } } }',
            { m: month },
            token,
          )
        ).data!.meetings as { agenda: { id: string; can: { comment: boolean } }[] }[]
      )
        .flatMap((m) => m.agenda)
        .find((i) => i.id === itemId)!.can.comment;
    expect(await canComment(tokens.observer)).toBe(false);
    expect(await canComment(tokens.delegate1)).toBe(true);
  });

  it('lets members, experts and officers comment on a draft, and refuses members of other groups', async () => {
    const { itemId } = await buildAgendaItem();
    const wg1Draft = await buildDraft(1);
    for (const who of ['delegate1', 'coordinator1', 'expert', 'chair', 'secretariat']) {
      expect(
        (
          await t.gql(
            ADD,
            {
              input: {
                targetId: wg1Draft,
                body: `Comment by ${who}`,
                anchor: { quote: 'national' },
              },
            },
            tokens[who],
          )
        ).errors,
      ).toBeUndefined();
    }
    for (const who of ['delegate3', 'observer']) {
      expect(
        (await t.gql(ADD, { input: { targetId: wg1Draft, body: 'Intrusion' } }, tokens[who]))
          .errors![0].extensions!.code,
      ).toBe('FORBIDDEN');
    }
    const anchored = await t.gql(
      ADD,
      { input: { targetId: itemId, body: 'Anchored', anchor: { quote: 'x' } } },
      tokens.delegate1,
    );
    expect(anchored.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('takes a comment on the whole draft, without an anchor, and refuses a malformed anchor with its reason', async () => {
    const wg1Draft = await buildDraft(1);
    const ADD_ON_DRAFT =
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id targetType anchor { quote start end } } }';
    const whole = await t.gql(
      ADD_ON_DRAFT,
      { input: { targetId: wg1Draft, body: 'On the draft as a whole: too long.' } },
      tokens.delegate1,
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.addComment).toMatchObject({ targetType: 'DRAFT', anchor: null });
    const explicit = await t.gql(
      ADD_ON_DRAFT,
      { input: { targetId: wg1Draft, body: 'Also on the whole draft', anchor: null } },
      tokens.expert,
    );
    expect(explicit.data!.addComment.anchor).toBeNull();
    const listed = (
      await t.gql(
        'query($t: ID!) { comments(targetId: $t) { id anchor { quote } } }',
        { t: wg1Draft },
        tokens.observer,
      )
    ).data!.comments as { id: string; anchor: unknown }[];
    expect(
      listed
        .filter((c) => [whole.data!.addComment.id, explicit.data!.addComment.id].includes(c.id))
        .map((c) => c.anchor),
    ).toEqual([null, null]);

    const anchored = (
      await t.gql(
        ADD_ON_DRAFT,
        {
          input: {
            targetId: wg1Draft,
            body: 'On a passage',
            anchor: { quote: '  national  ', start: 'AQ==', end: 'Ag==' },
          },
        },
        tokens.delegate1,
      )
    ).data!.addComment;
    expect(anchored.anchor).toEqual({ quote: 'national', start: 'AQ==', end: 'Ag==' });

    const before = listed.length + 1;
    const refused = async (input: Record<string, unknown>) => {
      const res = await t.gql(
        ADD_ON_DRAFT,
        { input: { targetId: wg1Draft, body: 'Refused', ...input } },
        tokens.delegate1,
      );
      expect(res.data).toBeNull();
      return res.errors![0];
    };
    expect(await refused({ anchor: { quote: '   ' } })).toMatchObject({
      message: expect.stringMatching(/blank/),
      extensions: { code: 'BAD_USER_INPUT', field: 'anchor.quote' },
    });
    expect((await refused({ anchor: { quote: '' } })).extensions!.code).toBe('BAD_USER_INPUT');
    expect(await refused({ anchor: { quote: 'national', start: 'AQ==' } })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'anchor.end' },
    });
    expect(await refused({ anchor: { quote: 'national' }, parentId: anchored.id })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'anchor' },
    });
    expect((await t.gql(LIST, { t: wg1Draft }, tokens.observer)).data!.comments).toHaveLength(
      before,
    );
  });

  it('lets only the author edit, the author or the Secretariat delete, and pushes those changes', async () => {
    const { itemId } = await buildAgendaItem();
    const comment = (
      await t.gql(ADD, { input: { targetId: itemId, body: 'First version' } }, tokens.delegate1)
    ).data!.addComment;
    const base = t.listeners(Topic.CommentChanged, itemId);
    const live = subscribe(
      t.ws(tokens.chair),
      'subscription($t: ID!) { commentChanged(targetId: $t) { id body deleted resolved resolvedBy { name } } }',
      { t: itemId },
    );
    await t.listening(Topic.CommentChanged, itemId, base + 1);
    const EDIT =
      'mutation($id: ID!, $b: String!) { editComment(id: $id, body: $b) { body editedAt } }';
    expect(
      (await t.gql(EDIT, { id: comment.id, b: 'Hijacked' }, tokens.expert)).errors![0].extensions!
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(EDIT, { id: comment.id, b: 'Second version' }, tokens.delegate1)).data!
        .editComment.body,
    ).toBe('Second version');
    expect((await live.next()).commentChanged.body).toBe('Second version');

    const DELETE = 'mutation($id: ID!) { deleteComment(id: $id) { deleted body } }';
    expect(
      (await t.gql(DELETE, { id: comment.id }, tokens.coordinator1)).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(DELETE, { id: comment.id }, tokens.secretariat)).data!.deleteComment,
    ).toEqual({ deleted: true, body: null });
    expect((await live.next()).commentChanged).toMatchObject({ deleted: true, body: null });
    expect(
      (await t.gql(EDIT, { id: comment.id, b: 'Back from the dead' }, tokens.delegate1)).errors![0]
        .extensions!.code,
    ).toBe('FORBIDDEN');

    const own = (
      await t.gql(ADD, { input: { targetId: itemId, body: 'Mine to delete' } }, tokens.delegate1)
    ).data!.addComment;
    expect(
      (await t.gql(DELETE, { id: own.id }, tokens.delegate1)).data!.deleteComment.deleted,
    ).toBe(true);
  });

  it('resolves: the author, officers, and the coordinator on their group’s draft', async () => {
    const { itemId } = await buildAgendaItem();
    const wg1Draft = await buildDraft(1);
    const RESOLVE =
      'mutation($id: ID!, $r: Boolean) { resolveComment(id: $id, resolved: $r) { resolved resolvedBy { name } } }';
    const onDraft = (
      await t.gql(
        ADD,
        { input: { targetId: wg1Draft, body: 'Paragraph 3 is too long' } },
        tokens.expert,
      )
    ).data!.addComment;
    const CAN = 'query($t: ID!) { comments(targetId: $t) { id can { edit delete resolve } } }';
    const can = async (who: string) =>
      (await t.gql(CAN, { t: wg1Draft }, tokens[who])).data!.comments.find(
        (c: { id: string }) => c.id === onDraft.id,
      ).can;
    expect(await can('expert')).toEqual({ edit: true, delete: true, resolve: true });
    expect(await can('delegate1')).toEqual({ edit: false, delete: false, resolve: false });
    expect(await can('coordinator1')).toEqual({ edit: false, delete: false, resolve: true });
    expect(await can('secretariat')).toEqual({ edit: false, delete: true, resolve: true });
    expect(
      (await t.gql(RESOLVE, { id: onDraft.id }, tokens.delegate1)).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(RESOLVE, { id: onDraft.id }, tokens.coordinator1)).data!.resolveComment,
    ).toEqual({
      resolved: true,
      resolvedBy: { name: 'Working group 1 coordinator (demo, Estonia)' },
    });
    expect(
      (await t.gql(RESOLVE, { id: onDraft.id, r: false }, tokens.expert)).data!.resolveComment
        .resolved,
    ).toBe(false);
    const onItem = (
      await t.gql(ADD, { input: { targetId: itemId, body: 'Noted' } }, tokens.delegate1)
    ).data!.addComment;
    expect(
      (await t.gql(RESOLVE, { id: onItem.id }, tokens.coordinator1)).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(RESOLVE, { id: onItem.id }, tokens.chair)).data!.resolveComment.resolved,
    ).toBe(true);
    const open = await t.gql(
      'query($t: ID!) { comments(targetId: $t, includeResolved: false) { id } }',
      { t: itemId },
      tokens.chair,
    );
    expect(open.data!.comments.map((c: { id: string }) => c.id)).not.toContain(onItem.id);
  });

  it('refuses subscriptions without a session, and to targets that do not exist', async () => {
    const { itemId } = await buildAgendaItem();
    const anonymous = subscribe(
      t.ws(),
      'subscription($t: ID!) { commentAdded(targetId: $t) { id } }',
      { t: itemId },
    );
    await expect(anonymous.next(3000)).rejects.toThrow(/UNAUTHENTICATED/);
    const missing = subscribe(
      t.ws(tokens.chair),
      'subscription($t: ID!) { commentAdded(targetId: $t) { id } }',
      { t: '0123456789abcdef01234567' },
    );
    await expect(missing.next(3000)).rejects.toThrow(/NOT_FOUND/);
  });

  it('closes a WebSocket that presents a revoked token', async () => {
    const { itemId } = await buildAgendaItem();
    const token = (await buildUser(t, [Role.DELEGATE], [1])).token;
    await t.gql('mutation { logout }', {}, token);
    const sub = subscribe(
      t.ws(token),
      'subscription($t: ID!) { commentAdded(targetId: $t) { id } }',
      { t: itemId },
    );
    await expect(sub.next(3000)).rejects.toThrow(/4403|Forbidden/);
  });
});
