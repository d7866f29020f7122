import { addParagraph, connectEditor, Editor, firstParagraphText, until } from './helpers/editors';
import { draftOf } from './helpers/factories';
import { startTestPlatform, subscribe, TestPlatform } from './helpers/test-platform';

const metric = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').pop()) : Number.NaN;
};

/** The sum over the lines whose name and labels start so (a metric with more labels than given). */
const metricSum = (text: string, start: string): number =>
  text
    .split('\n')
    .filter((l) => l.startsWith(start))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);

describe('GET /metrics', () => {
  let t: TestPlatform | undefined;
  const editors: Editor[] = [];
  afterEach(async () => {
    await Promise.all(editors.splice(0).map((e) => e.close()));
    await t?.stop();
    t = undefined;
  });

  it('gives the listed figures in Prometheus text, from this machine only', async () => {
    t = await startTestPlatform({ COMPACT_EVERY: '10' });
    const chair = await t.login('chair@committee.test');
    const draftId = await draftOf(1);
    const editor = connectEditor(t.url, chair, draftId);
    editors.push(editor);
    await editor.provider.whenSynced();
    addParagraph(editor.doc, '');
    for (let i = 0; i < 25; i++) {
      firstParagraphText(editor.doc)?.insert(0, `w${i} `);
      await editor.provider.whenAcknowledged();
    }
    const client = t.ws(chair);
    const sub = subscribe(
      client,
      'subscription($d: ID!) { draftStatusChanged(draftId: $d) { id } }',
      {
        d: draftId,
      },
    );
    const named = await t.gql('query CommitteeDrafts { drafts { id } }', {}, chair);
    expect(named.errors).toBeUndefined();

    let text = '';
    await until(
      async () => {
        const res = await fetch(`${t!.url}/metrics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
        text = await res.text();
        return (
          metric(text, 'graphql_active_subscriptions') >= 1 &&
          metricSum(text, 'draft_compactions_total{outcome="compacted",') >= 1
        );
      },
      15_000,
      'a subscription and a compaction in the metrics',
    );
    for (const name of [
      'http_request_duration_seconds_bucket',
      'graphql_operation_duration_seconds_count{operation="CommitteeDrafts",type="query",outcome="ok"}',
      'websocket_connections',
      'graphql_active_subscriptions',
      'draft_updates_stored_total',
      'draft_update_commit_batch_size_count',
      'draft_update_store_seconds_count',
      'draft_compactions_total{outcome="compacted",source=',
      'database_up',
      'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
    ])
      expect(text).toContain(name);
    expect(metric(text, 'websocket_connections')).toBeGreaterThanOrEqual(2);
    expect(metric(text, 'draft_updates_stored_total')).toBeGreaterThanOrEqual(25);
    expect(metric(text, 'database_up')).toBe(1);
    sub.dispose();

    // A request a proxy forwarded comes from elsewhere, even over loopback.
    const forwarded = await fetch(`${t.url}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(forwarded.status).toBe(403);
    expect(await forwarded.text()).toMatch(/METRICS_TOKEN/);
  });

  it('asks for the token when METRICS_TOKEN is set', async () => {
    t = await startTestPlatform({ METRICS_TOKEN: 'a-metrics-token-1540' });
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const res = await fetch(`${t.url}/metrics`, {
      headers: { authorization: 'Bearer a-metrics-token-1540' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('database_up 1');
  });
});
