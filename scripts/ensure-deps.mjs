#!/usr/bin/env node
// Installs the locked npm dependencies when node_modules is missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh clone with nothing else run first.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.lock-hash');
const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);
process.stderr.write('Installing npm dependencies (npm ci)...\n');
const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('npm ci failed; see above.\n');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, hash);
