#!/usr/bin/env node
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as clientPreset from '@graphql-codegen/client-preset';
// Generates the client's typed operations (client/src/gql/) from schema/schema.graphql and the
// graphql(`…`) documents in client/src, with GraphQL Code Generator's client preset. It calls the
// generator's core directly: its command-line package pulls in loaders that need Node 22.
import { codegen } from '@graphql-codegen/core';
import { buildSchema, NoUnusedFragmentsRule, parse, specifiedRules, validate } from 'graphql';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'client/src');
const out = path.join(src, 'gql');
const check = process.argv.includes('--check');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === out ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const schemaText = readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8');
const schemaAst = buildSchema(schemaText);
const documents = [];
for (const file of sourceFiles(src)) {
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)) {
    const rawSDL = match[1];
    const location = path.relative(root, file);
    let document;
    try {
      document = parse(rawSDL);
    } catch (err) {
      console.error(`${location}: ${err.message}`);
      process.exit(1);
    }
    documents.push({ location, document, rawSDL });
  }
}

// Validated together, as operations use fragments defined in other files.
const all = { kind: 'Document', definitions: documents.flatMap((d) => d.document.definitions) };
const errors = validate(
  schemaAst,
  all,
  specifiedRules.filter((r) => r !== NoUnusedFragmentsRule),
);
if (errors.length) {
  for (const e of errors) console.error(`${e.message}`);
  process.exit(1);
}

const config = { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: 'string' } };
const sections = await clientPreset.preset.buildGeneratesSection({
  baseOutputDir: 'client/src/gql/',
  presetConfig: { fragmentMasking: false },
  plugins: [],
  pluginMap: {},
  schema: parse(schemaText),
  schemaAst,
  documents,
  config,
});
mkdirSync(out, { recursive: true });
let stale = false;
for (const section of sections) {
  const content = await codegen({ ...section, skipDocumentsValidation: true });
  const file = path.join(root, section.filename);
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale = true;
  } else {
    writeFileSync(file, content);
  }
}
if (check && stale) {
  console.error('client/src/gql is stale: run npm run codegen');
  process.exit(1);
}
console.error(`codegen: ${documents.length} documents -> client/src/gql/`);
