import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Types } from 'mongoose';
import * as Y from 'yjs';
import { request } from '../../client/src/collab/graphql-request';
import {
  addParagraph,
  connectEditor,
  contentOf,
  type Editor,
  paragraphUpdate as paragraphBytes,
} from '../../test/helpers/editors';
import { draftOf } from '../../test/helpers/factories';
import { startTestPlatform, type TestPlatform } from '../../test/helpers/test-platform';
import { until } from '../../test/helpers/wait';
import { bytes } from './document-state';
import { DraftUpdateModel } from './update.model';
import { encodeUpdate } from './update-codec';

const APPLY =
  'mutation($d: ID!, $u: String!, $c: String) { applyDraftUpdate(draftId: $d, update: $u, clientId: $c) { seq } }';
const FLOOD_SECONDS = 30;
const BACKLOG = 50;
// At most BACKLOG updates per write, one write per 200 ms: storage takes at most 250 edits/s.
const COMMIT_INTERVAL_MS = 200;
const SENDERS = 10;
const PER_SENDER_PER_SECOND = 60;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function paragraphUpdate(doc: Y.Doc, text: string): string {
  return Buffer.from(paragraphBytes(doc, text)).toString('base64');
}

describe('edits arriving faster than they can be stored', () => {
  let t: TestPlatform;
  const editors: Editor[] = [];
  beforeAll(async () => {
    t = await startTestPlatform({
      EDIT_BACKLOG: String(BACKLOG),
      COMMIT_INTERVAL_MS: String(COMMIT_INTERVAL_MS),
      COMPACT_EVERY: '1000000',
    });
  });
  // Stopping waits for the history recorders to write what the flood stored (thousands of edits),
  // which takes its time on a machine with both cores busy (flaky-check).
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  }, 180_000);

  it('slows the senders, keeps queue and memory bounded, stores every acknowledged edit and, after the flood, every edit of an editor', async () => {
    const draftId = await draftOf(2);
    const token = await t.login('delegate@committee.test');
    const editor = connectEditor(t.url, token, draftId);
    editors.push(editor);
    await editor.provider.whenSynced();
    const heapBefore = heapAfterGc();

    const acknowledged = new Map<number, string>();
    const refusals: Record<string, number> = {};
    let sent = 0;
    let maxBacklog = 0;
    const sampler = setInterval(() => {
      maxBacklog = Math.max(maxBacklog, t.platform.app.collab.backlog().updates);
    }, 20);
    const senders = Array.from({ length: SENDERS }, () => t.ws(token));
    const inFlight = new Set<Promise<void>>();
    const docs = senders.map(() => new Y.Doc());
    const flood = setInterval(() => {
      senders.forEach((ws, i) => {
        for (let k = 0; k < PER_SENDER_PER_SECOND / 20; k += 1) {
          const update = paragraphUpdate(docs[i], `Flood ${i}.${sent}`);
          sent += 1;
          const call = request<{ applyDraftUpdate: { seq: number } }>(
            ws,
            APPLY,
            { d: draftId, u: update },
            60_000,
          )
            .then(({ applyDraftUpdate }) => {
              acknowledged.set(applyDraftUpdate.seq, update);
            })
            .catch((err: { code: string }) => {
              refusals[err.code] = (refusals[err.code] ?? 0) + 1;
            })
            .finally(() => inFlight.delete(call));
          inFlight.add(call);
        }
      });
    }, 50);
    // Meanwhile a person types in the editor: refused edits stay with the provider, merged.
    let typed = 0;
    const typing = setInterval(() => {
      addParagraph(editor.doc, `Typed during the flood ${typed}.`);
      typed += 1;
    }, 100);
    await new Promise((r) => setTimeout(r, FLOOD_SECONDS * 1000));
    clearInterval(flood);
    clearInterval(typing);
    await Promise.all([...inFlight]);
    await editor.provider.whenAcknowledged();
    await until(() => t.platform.app.collab.backlog().updates === 0, 30_000, 'the queue to drain');
    clearInterval(sampler);

    expect(refusals.TOO_MANY_REQUESTS).toBeGreaterThan(0);
    expect(Object.keys(refusals)).toEqual(['TOO_MANY_REQUESTS']);
    expect(acknowledged.size).toBeGreaterThan(0);
    // Checked again right before each edit is queued: the bound holds exactly.
    expect(maxBacklog).toBeLessThanOrEqual(BACKLOG);
    expect(editor.provider.retries.TOO_MANY_REQUESTS ?? 0).toBeGreaterThan(0);

    // Every acknowledged edit is in the log, under its seq, with its bytes.
    const stored = await DraftUpdateModel.find(
      { draftId: new Types.ObjectId(draftId) },
      { seq: 1, update: 1 },
    ).lean();
    const bySeq = new Map(stored.map((s) => [s.seq, encodeUpdate(bytes(s.update))]));
    for (const [seq, update] of acknowledged) expect(bySeq.get(seq)).toBe(update);

    // Every edit the editor made is in the stored text.
    const res = await t.gql('query($d: ID!) { draft(id: $d) { text } }', { d: draftId }, token);
    for (let n = 0; n < typed; n += 1)
      expect(res.data!.draft.text).toContain(`Typed during the flood ${n}.`);
    expect(contentOf(editor.doc)).toContain(`Typed during the flood ${typed - 1}.`);

    for (const ws of senders) await ws.dispose();
    const grown = (heapAfterGc() - heapBefore) / 1024 / 1024;
    expect(grown).toBeLessThan(30);
  }, 180_000);
});
