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
    const token = await t.login('chair@committee.test');
    const embedded = t.platform.db.embedded!;
    await embedded.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.db).toBe('unavailable');

    // Queries meanwhile fail with their own code and status, not a hang or a stack trace.
    const started = Date.now();
    const res = await t.gql('{ workingGroups { id } }', {}, token);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(503);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);

    await embedded.start();
    await until(async () => (await health()).status === 200, 20000);
    const again = await t.gql('{ workingGroups { number } }', {}, token);
    expect(again.data!.workingGroups).toHaveLength(4);
  });
});
