#!/usr/bin/env node
// The browser tests drive Debian's Chromium with playwright-core (no browser download): install
// the chromium package when it is missing (as root), or say what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (process.getuid?.() === 0 && has('apt-get')) {
  process.stderr.write(
    'Chromium is missing: installing it from Debian (apt-get install chromium)...\n',
  );
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
          stdio: 'inherit',
        })
      : update;
  if (install.status === 0 && existsSync(path)) process.exit(0);
}
process.stderr.write(
  `The browser tests need Chromium at ${path}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.\n`,
);
process.exit(1);
