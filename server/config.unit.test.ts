import { ConfigError, loadConfig } from './config';

describe('REVISION_GAP_MS', () => {
  it('is five minutes unless set, and a whole number of milliseconds in range when set', () => {
    expect(loadConfig({}).revisionGapMs).toBe(300_000);
    expect(loadConfig({ REVISION_GAP_MS: '1500' }).revisionGapMs).toBe(1500);
    for (const bad of ['abc', '0', '-5', '1.5', String(25 * 3_600_000)])
      expect(() => loadConfig({ REVISION_GAP_MS: bad })).toThrow(ConfigError);
  });
});

describe('notifications by e-mail', () => {
  it('sends none without SMTP_URL; takes smtp:// or smtps:// and refuses anything else', () => {
    const plain = loadConfig({});
    expect(plain.smtpUrl).toBeUndefined();
    expect(plain.notifyDigestMs).toBe(300_000);
    expect(plain.notifyDeadlineCheckMs).toBe(60_000);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465' }).smtpUrl).toBe(
      'smtps://u:p@mail.example.org:465',
    );
    for (const bad of ['mail.example.org', 'http://mail.example.org', 'smtp://'])
      expect(() => loadConfig({ SMTP_URL: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTIFY_DIGEST_MS: '5' })).toThrow(ConfigError);
    expect(loadConfig({ NOTIFY_DIGEST_MS: '700' }).notifyDigestMs).toBe(700);
  });
});

describe('TRUST_PROXY and METRICS_TOKEN', () => {
  it('trusts no proxy unless told; takes true, a hop count or addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    for (const bad of ['yes', 'example.org', '10.0.0.0/8; rm'])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'abc' }).metricsToken).toBe('abc');
  });
});

describe('DEMO_CONTENT', () => {
  it('is off unless set to 1, never on in production, and refuses anything but 1 or 0', () => {
    expect(loadConfig({}).demoContent).toBe(false);
    expect(loadConfig({ DEMO_CONTENT: '1' }).demoContent).toBe(true);
    expect(loadConfig({ DEMO_CONTENT: 'true' }).demoContent).toBe(true);
    expect(loadConfig({ DEMO_CONTENT: '0' }).demoContent).toBe(false);
    expect(loadConfig({ DEMO_CONTENT: '1', NODE_ENV: 'production' }).demoContent).toBe(false);
    expect(() => loadConfig({ DEMO_CONTENT: 'yes' })).toThrow(
      'DEMO_CONTENT must be 1 or 0 (got "yes").',
    );
  });
});
