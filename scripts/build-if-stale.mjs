#!/usr/bin/env node
// Builds the server (tsc) and the web client (codegen, tsc, vite) only when something they are
// built from changed since their last successful build, so that a second `npm start` starts at
// once. "Changed" is decided by content: a hash of every input file (sources, configs,
// package-lock.json, the schema), kept in dist/.build/ after each build. Content rather than
// mtimes, so that deleting a file counts, and restoring one with an old date (tar, cp -p) too.
//
//   node scripts/build-if-stale.mjs            build what is stale
//   node scripts/build-if-stale.mjs --force    build everything (npm run build)
//   node scripts/build-if-stale.mjs --check    build nothing; exit 1 and say what is stale
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const stampDir = path.join(root, 'dist', '.build');

const targets = [
  {
    name: 'server',
    // What tsconfig.json includes, and what decides how it compiles. The server also prints the
    // draft page's query from the client's generated documents (client/src/gql, made by codegen
    // from the schema and the client's sources: not in git), so codegen runs first.
    inputs: [
      'tsconfig.json',
      'package-lock.json',
      'server',
      'scripts',
      'test',
      'schema/schema.graphql',
      'client/src',
    ],
    skip: ['client/src/gql'],
    output: 'dist/server/main.js',
    steps: [
      [process.execPath, 'scripts/codegen.mjs'],
      [bin('tsc'), '-p', 'tsconfig.json'],
    ],
  },
  {
    name: 'web client',
    // client/src/gql is generated from the schema and the client's sources by the first step.
    inputs: ['package-lock.json', 'schema/schema.graphql', 'scripts/codegen.mjs', 'client'],
    skip: ['client/src/gql'],
    output: 'dist/web/index.html',
    steps: [
      [process.execPath, 'scripts/codegen.mjs'],
      [bin('tsc'), '-p', 'client/tsconfig.json'],
      [bin('vite'), 'build', '--config', 'client/vite.config.mts', '--logLevel', 'warn'],
    ],
  },
];

function files(rel, skip) {
  if (skip.includes(rel) || path.basename(rel) === 'node_modules') return [];
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  try {
    return readdirSync(full, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) =>
        e.isDirectory()
          ? files(path.join(rel, e.name), skip)
          : e.isFile()
            ? [path.join(rel, e.name)]
            : [],
      );
  } catch (err) {
    if (err.code === 'ENOTDIR') return [rel];
    throw err;
  }
}

function fingerprint(target) {
  const hash = createHash('sha256');
  for (const rel of target.inputs.flatMap((input) => files(input, target.skip ?? []))) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampFile = (target) => path.join(stampDir, `${target.name.replace(/\W+/g, '-')}.sha256`);
const isFresh = (target, print) =>
  existsSync(path.join(root, target.output)) &&
  existsSync(stampFile(target)) &&
  readFileSync(stampFile(target), 'utf8') === print;

const force = process.argv.includes('--force');
const check = process.argv.includes('--check');
let stale = 0;
for (const target of targets) {
  const print = fingerprint(target);
  if (!force && isFresh(target, print)) continue;
  stale += 1;
  if (check) {
    process.stderr.write(`${target.name}: not built from the current sources\n`);
    continue;
  }
  process.stderr.write(`Building the ${target.name}...\n`);
  const started = Date.now();
  for (const [command, ...args] of target.steps) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      process.stderr.write(
        `Building the ${target.name} failed (${path.basename(command)} ${args.join(' ')}); see above.\n`,
      );
      process.exit(result.status ?? 1);
    }
  }
  mkdirSync(stampDir, { recursive: true });
  // The fingerprint taken before building: a file edited during the build makes the next start build again.
  writeFileSync(stampFile(target), print);
  process.stderr.write(
    `Built the ${target.name} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
}
if (check) process.exit(stale > 0 ? 1 : 0);
