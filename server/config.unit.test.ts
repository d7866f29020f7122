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
