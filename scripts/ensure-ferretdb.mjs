#!/usr/bin/env node
// Builds the embedded database (FerretDB v1.24.2 from the Go module proxy) into .tools/bin once,
// showing progress, and reuses it after. Prints the binary's path on its last line.
// Exit 0: ready (or a mongod on PATH will be used); exit 1: nothing usable, with what to install.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'scripts', 'ferretdb');
const binDir = path.join(root, '.tools', 'bin');
const bin = path.join(binDir, 'ferretdb');
const stampFile = `${bin}.stamp`;
const quiet = process.argv.includes('--quiet');

const log = (msg) => process.stderr.write(`${msg}\n`);

function sourceStamp() {
  const hash = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(path.join(srcDir, f)));
  hash.update(process.arch);
  return hash.digest('hex');
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function run(cmd, args, onLine) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: srcDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const feed = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) onLine(line.trim());
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${tail}`)),
    );
  });
}

async function main() {
  const stamp = sourceStamp();
  if (existsSync(bin) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    if (!quiet) log(`embedded database ready: ${path.relative(root, bin)}`);
    console.log(bin);
    return;
  }
  if (!which('go')) {
    const mongod = which('mongod');
    if (mongod) {
      log(`Go is not installed; the server will use the mongod at ${mongod} instead of FerretDB.`);
      console.log(mongod);
      return;
    }
    log('Cannot build the embedded database: Go is not installed and no mongod is on PATH.');
    log('Install Go (Debian: apt-get install golang-go, or https://go.dev/dl) or MongoDB,');
    log('or point the server at a running MongoDB: MONGODB_URI=mongodb://host:27017/committee');
    process.exit(1);
  }
  const started = Date.now();
  log('Building the embedded database (FerretDB v1.24.2, SQLite backend); this happens once.');
  log('  downloading Go modules...');
  await run('go', ['mod', 'download'], () => {});
  const list = spawnSync('go', ['list', '-deps', '.'], { cwd: srcDir, encoding: 'utf8' });
  const total = list.status === 0 ? list.stdout.split('\n').filter(Boolean).length : 0;
  let done = 0;
  let lastPrint = 0;
  mkdirSync(binDir, { recursive: true });
  const tmp = `${bin}.tmp-${process.pid}`;
  await run('go', ['build', '-v', '-trimpath', '-o', tmp, '.'], (line) => {
    if (line.includes(' ') || line.startsWith('#')) return;
    done += 1;
    const now = Date.now();
    if (now - lastPrint > 1000 || done === total) {
      lastPrint = now;
      log(`  compiling [${done}/${total || '?'}] ${line}`);
    }
  });
  renameSync(tmp, bin);
  writeFileSync(stampFile, stamp);
  log(
    `embedded database built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${path.relative(root, bin)}`,
  );
  console.log(bin);
}

main().catch((err) => {
  log(`Building the embedded database failed: ${err.message}`);
  log('Set MONGODB_URI to use a running MongoDB instead.');
  process.exit(1);
});
