import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { logger } from './logger';
import { startPlatform } from './platform';
import { DEMO_ACCOUNTS } from './seed/demo-accounts';
import { StartupError } from './startup-error';

async function main() {
  const config = loadConfig();
  const platform = await startPlatform(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await platform.stop().catch((err) => logger.error({ err }, 'error while stopping'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (!config.production) {
    process.stdout.write(
      `\n  1540 Committee drafting platform: ${platform.app.url}\n  GraphQL: ${platform.app.url}/graphql (HTTP and WebSocket)\n` +
        `  Demo accounts (password: SEED_PASSWORD${process.env.SEED_PASSWORD ? '' : ', default committee-1540-demo'}):\n` +
        DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(30)} ${a.roles.join(', ')}`).join('\n') +
        '\n\n',
    );
  }
}

main().catch((err: unknown) => {
  // Something the person starting the server can fix: their words, no stack, no JSON.
  if (err instanceof ConfigError || err instanceof StartupError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = err instanceof ConfigError ? err.exitCode : 1;
  } else {
    logger.fatal({ err }, 'the server could not start');
    process.exitCode = 1;
  }
  // Let the embedded database's exit handler run.
  setTimeout(() => process.exit(), 100);
});
