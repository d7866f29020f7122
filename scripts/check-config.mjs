#!/usr/bin/env node
// Checks the environment's settings (PORT, MONGODB_URI, ...) with the server's own rules before
// `npm start` builds anything: a mistyped value is told in one line in a fraction of a second, not
// after a build and inside a JSON log. server/config.ts is compiled on the fly (swc, as the tests
// do), so the rules exist in one place only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@swc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'server', 'config.ts');
const { code } = transformSync(readFileSync(file, 'utf8'), {
  filename: file,
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
});
const module = { exports: {} };
new Function('require', 'module', 'exports', code)(createRequire(file), module, module.exports);
const { loadConfig, ConfigError } = module.exports;

try {
  loadConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(err.exitCode);
}
