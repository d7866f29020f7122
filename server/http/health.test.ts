import { startTestPlatform, TestPlatform } from '../../test/helpers/test-platform';
import { until } from '../../test/helpers/wait';

describe('GET /healthz', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  const health = async () => {
    const res = await fetch(`${t.url}/healthz`);
    return { status: res.status, body: (await res.json()) as { status: string; db: string } };
  };

  it('is 200 while the database answers, 503 while it is down, and 200 again when it returns', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', db: 'ok' } });
    const embedded = t.platform.db.embedded!;
    await embedded.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.db).toBe('unavailable');

    // Queries meanwhile fail with a clear code, not a hang or a stack trace.
    const token = 'irrelevant';
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ workingGroups { id } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toMatch(/DATABASE_UNAVAILABLE|UNAUTHENTICATED|INTERNAL_SERVER_ERROR/);

    await embedded.start();
    await until(async () => (await health()).status === 200, 20000);
    const token2 = await t.login('chair@committee.test');
    const again = await t.gql('{ workingGroups { number } }', {}, token2);
    expect(again.data!.workingGroups).toHaveLength(4);
  });
});
