// Checks the server's import structure without a dependency: no import cycle between files, and
// the layering rules below. Type-only imports count for the layers (they couple the code) but not
// for file cycles (they vanish at run time, so they cannot break the order modules load in).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'server');

/**
 * The layer a file belongs to: its folder under server/, except that GraphQL adapters (resolvers,
 * object and input types, enum registrations, presenters) form the GraphQL layer wherever they sit.
 */
const layerOf = (file) => {
  if (/\.(resolvers?|types?|inputs|enums|presenter)\.ts$/.test(file)) return 'graphql';
  // The composition roots wire every layer together; the other top-level files are leaves.
  if (file === 'server/main.ts' || file === 'server/platform.ts') return 'app';
  const [, first, second] = file.split('/');
  return second === undefined ? 'server' : first;
};

/**
 * Files outside the GraphQL layer that must work without it (callable from HTTP, scripts, jobs):
 * everything in these folders except the GraphQL adapters (see `layerOf`), so models, services,
 * policies, plain data and enums too. An enum becomes a GraphQL type in its module's
 * `*.enums.ts`, which the GraphQL types import.
 */
const NO_GRAPHQL_FOLDERS = [
  'server/core/',
  'server/db/',
  'server/pubsub/',
  'server/events/',
  'server/modules/',
  'server/collaboration/',
];
const noGraphql = (file) =>
  NO_GRAPHQL_FOLDERS.some((folder) => file.startsWith(folder)) && layerOf(file) !== 'graphql';

const RULES = [
  {
    name: 'core imports only core',
    applies: (f) => f.startsWith('server/core/'),
    forbids: (t) => t.startsWith('server/') && !t.startsWith('server/core/'),
  },
  {
    name: 'no GraphQL outside the GraphQL layer',
    applies: noGraphql,
    forbids: (t) => t.startsWith('server/graphql/') || t === 'graphql' || t === 'type-graphql',
  },
];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return specifier;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, candidate);
    } catch {}
  }
  return relative(ROOT, base);
}

const graph = new Map();
const layers = new Map();
const problems = [];
for (const path of sources(SERVER)) {
  const file = relative(ROOT, path);
  const runtime = new Set();
  for (const [, , typeOnly, specifier] of readFileSync(path, 'utf8').matchAll(IMPORT)) {
    const target = resolveImport(path, specifier);
    for (const rule of RULES)
      if (rule.applies(file) && rule.forbids(target))
        problems.push(`${rule.name}: ${file} imports ${specifier}`);
    if (!typeOnly && target.startsWith('server/')) runtime.add(target);
    if (target.startsWith('server/') && layerOf(target) !== layerOf(file)) {
      const edges = layers.get(layerOf(file)) ?? new Map();
      if (!edges.has(layerOf(target))) edges.set(layerOf(target), `${file} -> ${target}`);
      layers.set(layerOf(file), edges);
    }
  }
  graph.set(file, runtime);
}

// Depth-first search; a grey node met again closes a cycle.
const state = new Map();
const stack = [];
function visit(file) {
  state.set(file, 'grey');
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'grey')
      problems.push(`import cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' -> ')}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'black');
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

// Between layers, type-only imports count too: a cycle there means two layers cannot change apart.
const seen = new Set();
for (const [from, edges] of layers) {
  for (const [to, example] of edges) {
    const back = layers.get(to)?.get(from);
    const key = [from, to].sort().join('|');
    if (back && !seen.has(key)) {
      seen.add(key);
      problems.push(`layer cycle ${from} <-> ${to}: ${example}; ${back}`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check:cycles: ${graph.size} server files, no import cycle, layers respected`);
