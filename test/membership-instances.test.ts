import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestError } from '../client/src/collab/graphql-request';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { freeLoopbackPort } from '../server/db/free-port';
import { addParagraph, connectEditor, contentOf, Editor, until } from './helpers/editors';
import { gql, ServerProcess, startRedis, startServerProcess } from './helpers/server-process';

const PASSWORD = 'membership-instances-password-1540';
const CAN = 'query($id: ID!) { draft(id: $id) { can { edit } } }';

/*
 * The Secretariat changes a group on instance A; the delegate works on instance B, which holds
 * their session in its cache (30 s) and their socket open: both must follow at once, through Redis.
 */
describe('a membership change made on one instance, felt on another', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let redis: { url: string; stop(): Promise<void> };
  const servers: ServerProcess[] = [];
  let editor: Editor | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-membership-'));
    db = new EmbeddedDatabase(dir);
    await db.start();
    redis = await startRedis(await freeLoopbackPort());
    const env = { MONGODB_URI: db.uri('committee'), REDIS_URL: redis.url, SEED_PASSWORD: PASSWORD };
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
  });
  afterAll(async () => {
    await editor?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (url: string, who: string) =>
    (
      await gql<{ login: { token: string } }>(
        url,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: `${who}@committee.test`, p: PASSWORD },
      )
    ).login.token;

  it('gives and takes the delegate’s edit rights on the other instance at once', async () => {
    const [a, b] = servers.map((s) => s.url);
    const secretariat = await login(a, 'secretariat');
    const delegate = await login(b, 'delegate');
    const { workingGroups, users } = await gql<{
      workingGroups: { id: string; number: number; drafts: { id: string }[] }[];
      users: { id: string; email: string }[];
    }>(a, '{ workingGroups { id number drafts { id } } users { id email } }', {}, secretariat);
    const group4 = workingGroups.find((g) => g.number === 4)!;
    const draftId = group4.drafts[0].id;
    const delegateId = users.find((u) => u.email === 'delegate@committee.test')!.id;
    const canEdit = async () =>
      (await gql<{ draft: { can: { edit: boolean } } }>(b, CAN, { id: draftId }, delegate)).draft
        .can.edit;

    // B now holds the delegate's session in its cache, and the delegate's editor is open there.
    expect(await canEdit()).toBe(false);
    editor = connectEditor(b, delegate, draftId);
    const errors: RequestError[] = [];
    editor.provider.on('error', (err: RequestError) => errors.push(err));
    await editor.provider.whenSynced();

    const seat =
      'mutation($g: ID!, $u: ID!) { addWorkingGroupMember(workingGroupId: $g, userId: $u) { id } }';
    await gql(a, seat, { g: group4.id, u: delegateId }, secretariat);
    // Far sooner than the cache's 30 s: Redis carries the change.
    await until(canEdit, 3000, 'B reading the delegate afresh');
    // The socket opened before the change now writes: Redis delivered before we asked over HTTP.
    addParagraph(editor.doc, 'Seated on A, writing on B.');
    await editor.provider.whenAcknowledged();
    expect(errors).toEqual([]);
    const stored = await gql<{ draft: { text: string } }>(
      a,
      'query($id: ID!) { draft(id: $id) { text } }',
      { id: draftId },
      secretariat,
    );
    expect(stored.draft.text).toContain('Seated on A, writing on B.');

    const unseat =
      'mutation($g: ID!, $u: ID!) { removeWorkingGroupMember(workingGroupId: $g, userId: $u) { id } }';
    await gql(a, unseat, { g: group4.id, u: delegateId }, secretariat);
    await until(async () => !(await canEdit()), 3000, 'B taking the right back');
    addParagraph(editor.doc, 'Unseated, still typing on B.');
    await until(() => errors.length > 0, 10000, 'the refusal on B');
    expect(errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(contentOf(editor.doc)).toContain('Unseated, still typing on B.');
  });
});
