import { ConfigError, loadConfig } from './config';

describe('REVISION_GAP_MS', () => {
  it('is five minutes unless set, and a whole number of milliseconds in range when set', () => {
    expect(loadConfig({}).revisionGapMs).toBe(300_000);
    expect(loadConfig({ REVISION_GAP_MS: '1500' }).revisionGapMs).toBe(1500);
    for (const bad of ['abc', '0', '-5', '1.5', String(25 * 3_600_000)])
      expect(() => loadConfig({ REVISION_GAP_MS: bad })).toThrow(ConfigError);
  });
});
