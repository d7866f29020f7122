import Redis from 'ioredis';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { request } from '../../client/src/collab/graphql-request';
import { workingGroupId } from '../../test/helpers/factories';
import { startRedis } from '../../test/helpers/server-process';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../test/helpers/test-platform';
import { until } from '../../test/helpers/wait';
import { freeLoopbackPort } from '../db/free-port';
import { DraftModel } from '../modules/drafts/draft.model';
import { CONTENT_FIELD } from './document-state';

// 500 drafts opened in batches: on a loaded machine one event can take well over 30 s.
const EVENT_WAIT_MS = 90_000;

const DRAFTS = 500;
/** Drafts open at once: enough to overlap, few enough for a shared two-core machine. */
const BATCH = 50;
const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
const PRESENCE = 'mutation($d: ID!, $u: String!) { updatePresence(draftId: $d, update: $u) }';

function paragraphUpdate(text: string): string {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

function presenceUpdate(name: string): string {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name, color: '#1f77b4' } });
  const update = Buffer.from(encodeAwarenessUpdate(awareness, [doc.clientID])).toString('base64');
  awareness.destroy();
  return update;
}

/** The channels Redis has subscribers on, as Redis itself reports them. */
async function redisChannels(url: string): Promise<string[]> {
  const probe = new Redis(url);
  try {
    return (await probe.pubsub('CHANNELS', '*')) as string[];
  } finally {
    probe.disconnect();
  }
}

describe.each([
  ['in one process', false],
  ['with Redis', true],
])(`opening and closing ${DRAFTS} drafts %s`, (_label, withRedis) => {
  let redis: { url: string; stop(): Promise<void> } | undefined;
  let t: TestPlatform;
  let chair: string;
  let ids: string[];
  beforeAll(async () => {
    if (withRedis) redis = await startRedis(await freeLoopbackPort());
    // A short idle delay, so that unloading is seen within the test.
    t = await startTestPlatform({
      DRAFT_IDLE_MS: '200',
      ...(redis ? { REDIS_URL: redis.url } : {}),
    });
    chair = await t.login('chair@committee.test');
    const group = await workingGroupId(1);
    const drafts = await DraftModel.insertMany(
      Array.from({ length: DRAFTS }, (_, i) => ({
        workingGroupId: group,
        title: { en: `Lifecycle draft ${i}`, fr: `Projet ${i}` },
      })),
    );
    ids = drafts.map((d) => d._id.toHexString());
  });
  afterAll(async () => {
    await t.stop();
    await redis?.stop();
  });

  it('drops every per-draft state, and each pub/sub subscription, once the last subscriber left', async () => {
    const collab = t.platform.app.collab;
    const opened = new Set<string>();
    const unloaded = new Set<string>();
    const remove = collab.use({
      name: 'observe-lifecycle',
      onOpened: (id) => opened.add(id),
      onUnload: (id) => unloaded.add(id),
    });
    try {
      for (let from = 0; from < DRAFTS; from += BATCH) {
        const batch = ids.slice(from, from + BATCH);
        const client = t.ws(chair);
        const subscriptions = await Promise.all(
          batch.map(async (d, i) => {
            const updates = subscribe(
              client,
              'subscription($d: ID!) { draftUpdates(draftId: $d, afterSeq: 0) { seq synced } }',
              { d },
            );
            expect((await updates.next(EVENT_WAIT_MS)).draftUpdates).toEqual({
              seq: 0,
              synced: true,
            });
            const presence = subscribe(
              client,
              'subscription($d: ID!) { presence(draftId: $d) { update } }',
              { d },
            );
            await presence.next(EVENT_WAIT_MS);
            await t.listening(Topic.Presence, d, 1);
            const ack = await request<{ applyDraftUpdate: { seq: number } }>(
              client,
              APPLY,
              { d, u: paragraphUpdate(`Paragraph of draft ${from + i}`) },
              EVENT_WAIT_MS,
            );
            expect(ack.applyDraftUpdate.seq).toBe(1);
            expect((await updates.next(EVENT_WAIT_MS)).draftUpdates).toEqual({
              seq: 0,
              synced: false,
            });
            expect((await updates.next(EVENT_WAIT_MS)).draftUpdates).toEqual({
              seq: 1,
              synced: false,
            });
            await request(
              client,
              PRESENCE,
              { d, u: presenceUpdate(`Reader ${from + i}`) },
              EVENT_WAIT_MS,
            );
            await presence.next(EVENT_WAIT_MS);
            return [updates, presence];
          }),
        );
        // While open, the figures count these drafts: a zero later means they were dropped.
        const open = collab.stats();
        expect(open.drafts).toBeGreaterThanOrEqual(batch.length);
        expect(open['presence.drafts']).toBeGreaterThanOrEqual(batch.length);
        for (const d of batch) expect(t.listeners(Topic.DraftUpdate, d)).toBe(1);
        if (redis && from === 0)
          expect(await redisChannels(redis.url)).toEqual(
            expect.arrayContaining([expect.stringContaining(`${Topic.Presence}:${batch[0]}`)]),
          );
        for (const s of subscriptions.flat()) s.dispose();
        await client.dispose();
      }

      await until(() => Object.values(collab.stats()).every((n) => n === 0), EVENT_WAIT_MS).catch(
        () => {
          throw new Error(`still kept: ${JSON.stringify(collab.stats())}`);
        },
      );
      expect(opened.size).toBeGreaterThanOrEqual(DRAFTS);
      for (const d of ids) {
        expect(unloaded.has(d)).toBe(true);
        expect(t.listeners(Topic.DraftUpdate, d)).toBe(0);
        expect(t.listeners(Topic.Presence, d)).toBe(0);
      }
      if (redis) {
        const channels = await redisChannels(redis.url);
        expect(
          channels.filter((c) => c.includes(Topic.DraftUpdate) || c.includes(Topic.Presence)),
        ).toEqual([]);
      }
    } finally {
      remove();
    }
  }, 600_000);
});
