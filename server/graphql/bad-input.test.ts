import { meetingOf } from '../../test/helpers/factories';
import { startTestPlatform, subscribe, TestPlatform } from '../../test/helpers/test-platform';
import { CommentModel } from '../modules/comments/comment.model';
import { UserModel } from '../modules/users/user.model';

interface ErrorBody {
  errors: { extensions: { code: string } }[];
}

describe('bad input gets a clear error code and changes nothing', () => {
  let t: TestPlatform;
  let token: string;
  let itemId: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    token = await t.login('delegate@committee.test');
    itemId = (await meetingOf('2020-02')).itemId;
  });
  afterAll(() => t.stop());

  const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
    res.errors?.[0]?.extensions?.code;

  it('rejects malformed ids', async () => {
    for (const id of [
      '42',
      'zzzzzzzzzzzzzzzzzzzzzzzz',
      '0123456789abcdef0123456',
      "'; db.users.drop(); '",
    ]) {
      const res = await t.gql('query($id: ID!) { draft(id: $id) { id } }', { id }, token);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/24-character hexadecimal/);
    }
    expect(
      code(
        await t.gql(
          'query($id: ID!) { draft(id: $id) { id } }',
          { id: '0123456789abcdef01234567' },
          token,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('rejects query operators smuggled in where a string belongs', async () => {
    const login = await t.gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: { $gt: '' }, p: { $gt: '' } },
    );
    expect(code(login)).toBe('BAD_USER_INPUT');
    expect(login.data ?? null).toBeNull();
    const comment = await t.gql(
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { targetId: { $ne: null }, body: 'x' } },
      token,
    );
    expect(code(comment)).toBe('BAD_USER_INPUT');
    const inline = await t.gql('{ meetings(month: { gt: "" }) { id } }', {}, token);
    expect(code(inline)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await CommentModel.countDocuments()).toBe(0);
  });

  it('neutralises operators even in filters the code builds from strings', async () => {
    // An operator object where a value belongs is wrapped in $eq by sanitizeFilter, so it is never run as $ne.
    await expect(
      UserModel.findOne({ email: { $ne: 'nobody' } as unknown as string }).lean(),
    ).rejects.toThrow(/Cast to string failed/);
  });

  it('rejects an over-long or blank comment', async () => {
    const ADD = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';
    const long = await t.gql(ADD, { input: { targetId: itemId, body: 'x'.repeat(5001) } }, token);
    expect(code(long)).toBe('BAD_USER_INPUT');
    expect(long.errors![0].message).toMatch(/body must be 1 to 5000 characters/);
    expect(code(await t.gql(ADD, { input: { targetId: itemId, body: '   ' } }, token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await CommentModel.countDocuments()).toBe(0);
  });

  it('rejects wrong enums, dates and months', async () => {
    const chair = await t.login('chair@committee.test');
    const kind = await t.gql(
      'mutation { createMeeting(input: { date: "2020-09-10T15:00:00Z", kind: PICNIC, titleEn: "x", titleFr: "x" }) { id } }',
      {},
      chair,
    );
    expect(code(kind)).toBe('GRAPHQL_VALIDATION_FAILED');
    const date = await t.gql(
      'mutation($d: DateTimeISO!) { createMeeting(input: { date: $d, kind: COMMITTEE, titleEn: "Extra", titleFr: "Extra" }) { id } }',
      { d: 'next tuesday' },
      chair,
    );
    expect(code(date)).toBe('BAD_USER_INPUT');
    const far = await t.gql(
      'mutation { createMeeting(input: { date: "2999-01-01T00:00:00Z", kind: COMMITTEE, titleEn: "Extra", titleFr: "Extra" }) { id } }',
      {},
      chair,
    );
    expect(code(far)).toBe('BAD_USER_INPUT');
    expect(code(await t.gql('{ meetings(month: "2020-13") { id } }', {}, token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await t.gql('{ meetings(month: "2020-09") { id } }', {}, token)).data!.meetings,
    ).toHaveLength(0);
  });

  it('rejects queries nested too deep', async () => {
    const deep = `{ workingGroups ${'{ members { workingGroups '.repeat(6)}{ id }${' } }'.repeat(6)} }`;
    const res = await t.gql(deep, {}, token);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('QUERY_TOO_DEEP');
  });

  it('rejects queries that cost too much', async () => {
    const fields = 'id name email roles delegation { code members { id name } }';
    const costly = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: users { ${fields} workingGroups { members { ${fields} } } }`).join(' ')} }`;
    const res = await t.gql(costly, {}, token);
    expect(code(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0].message).toMatch(/above the limit/);
  });

  it('applies the same limits to subscriptions over WebSocket', async () => {
    const deep = `subscription($t: ID!) { commentAdded(targetId: $t) { author ${'{ workingGroups { members '.repeat(6)}{ id }${' } }'.repeat(6)} } }`;
    const sub = subscribe(t.ws(token), deep, { t: itemId });
    await expect(sub.next(3000)).rejects.toThrow(/QUERY_TOO_DEEP/);
  });

  it('rejects an oversized body with 413 and malformed JSON with 400', async () => {
    const big = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ me { id } }',
        variables: { pad: 'x'.repeat(3 * 1024 * 1024) },
      }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorBody).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('hides internal details of unexpected failures', async () => {
    const res = await t.gql('{ nonExistingField }', {}, token);
    expect(code(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/node_modules|at .*\.ts:/);
  });
});
