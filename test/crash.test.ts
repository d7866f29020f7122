import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { EmbeddedDatabase } from '../server/db/embedded-database';
import { freeLoopbackPort } from '../server/db/free-port';
import {
  addParagraph,
  connectEditor,
  contentOf,
  Editor,
  firstParagraphText,
  until,
} from './helpers/editors';
import { gql, ServerProcess, startServerProcess } from './helpers/server-process';

const PASSWORD = 'crash-test-password-1540';

describe('a server killed while people edit', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let server: ServerProcess | undefined;
  const editors: Editor[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'committee-crash-'));
    db = new EmbeddedDatabase(dir);
    await db.start();
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await server?.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged update, and the editors resume with their unacknowledged edits', async () => {
    const port = String(await freeLoopbackPort());
    const env = { MONGODB_URI: db.uri('committee'), PORT: port, SEED_PASSWORD: PASSWORD };
    server = await startServerProcess(env);
    const url = server.url;
    const { login } = await gql<{ login: { token: string } }>(
      url,
      `mutation { login(email: "delegate@committee.test", password: "${PASSWORD}") { token } }`,
    );
    const { drafts } = await gql<{ drafts: { id: string; workingGroup: { number: number } }[] }>(
      url,
      '{ drafts { id workingGroup { number } } }',
      {},
      login.token,
    );
    const draftId = drafts.find((d) => d.workingGroup.number === 1)!.id;

    for (let i = 0; i < 3; i += 1) editors.push(connectEditor(url, login.token, draftId));
    await Promise.all(editors.map((e) => e.provider.whenSynced()));
    addParagraph(editors[0].doc, '');
    await until(() => editors.every((e) => firstParagraphText(e.doc) !== undefined));

    let typed = 0;
    const typing = setInterval(() => {
      for (const [i, e] of editors.entries())
        firstParagraphText(e.doc)!.insert(0, `${i}:${typed} `);
      typed += 1;
    }, 4);
    await until(
      () => editors.every((e) => e.provider.acknowledged.length > 10),
      10000,
      'some acknowledged edits',
    );
    server.child.kill('SIGKILL');
    const typedAtCrash = typed;
    await until(() => typed >= typedAtCrash + 50, 10000, 'typing while the server is gone');
    const unacknowledged = editors.map((e) => e.provider.pending);
    expect(unacknowledged.some((n) => n > 0)).toBe(true);
    server = await startServerProcess(env);
    const typedAtRestart = typed;
    await until(() => typed >= typedAtRestart + 50, 10000, 'typing after the restart');
    clearInterval(typing);

    await Promise.all(editors.map((e) => e.provider.whenAcknowledged()));
    // Compared as they stand at each check: remote updates may still be arriving at any of them.
    await until(
      () => editors.every((e) => contentOf(e.doc) === contentOf(editors[0].doc)),
      20000,
      'convergence after the crash',
    ).catch((err: Error) => {
      const state = editors.map((e) => ({
        seq: e.provider.seq,
        status: e.provider.status,
        synced: e.provider.synced,
        pending: e.provider.pending,
        length: contentOf(e.doc).length,
      }));
      throw new Error(`${err.message}: ${JSON.stringify(state)}`);
    });
    const expected = contentOf(editors[0].doc);
    for (let n = 0; n < typed; n += 1)
      for (let i = 0; i < 3; i += 1) expect(expected).toContain(`${i}:${n} `);

    const fresh = await gql<{ login: { token: string } }>(
      server.url,
      `mutation { login(email: "delegate@committee.test", password: "${PASSWORD}") { token } }`,
    );
    const { draft } = await gql<{ draft: { state: string } }>(
      server.url,
      'query($d: ID!) { draft(id: $d) { state } }',
      { d: draftId },
      fresh.login.token,
    );
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Buffer.from(draft.state, 'base64'));
    expect(contentOf(stored)).toBe(expected);
    const vector = Y.encodeStateVector(stored);
    for (const e of editors) {
      for (const update of e.provider.acknowledged)
        expect(Y.decodeUpdate(Y.diffUpdate(update, vector)).structs).toHaveLength(0);
    }
  });
});
