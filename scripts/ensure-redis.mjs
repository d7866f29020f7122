#!/usr/bin/env node
// Tests of several server instances start their own Redis: install Debian's redis-server when it
// is missing (as root), or say what to install.
import { spawnSync } from 'node:child_process';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (has('redis-server')) process.exit(0);
if (process.getuid?.() === 0 && has('apt-get')) {
  process.stderr.write(
    'redis-server is missing: installing it from Debian (apt-get install redis-server)...\n',
  );
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit' })
      : update;
  if (install.status === 0 && has('redis-server')) process.exit(0);
}
process.stderr.write(
  'The tests need redis-server on PATH: install it (Debian: apt-get install redis-server).\n',
);
process.exit(1);
