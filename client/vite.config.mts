/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);
const server = process.env.API_URL ?? 'http://localhost:4000';
const generated = path.join(root, 'src/gql/graphql.ts');

/**
 * Replaces each graphql(`…`) call with the one document it names, as GraphQL Code Generator's
 * Babel plugin does, each document a module of its own. Through gql.ts, every call pulled in a
 * map of all the documents, and through graphql.ts (one module, so one chunk) every document
 * used anywhere: every query of the app sat in the main bundle. Now each document goes with the
 * code that uses it. The names follow the client preset: `<Operation>Document`, `<Fragment>FragmentDoc`.
 */
function graphqlDocuments(): Plugin {
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  const prefix = '\0graphql-document:';
  const documents = () => {
    const found = new Map<string, string>();
    const line =
      /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm;
    for (const m of readFileSync(generated, 'utf8').matchAll(line)) found.set(m[1], m[2]);
    return found;
  };
  return {
    name: 'graphql-documents',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith(prefix) ? source : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      this.addWatchFile(generated);
      const name = id.slice(prefix.length);
      const json = documents().get(name);
      if (!json) throw new Error(`${name} is not in ${generated}: run npm run codegen`);
      // JSON.parse of a string is faster to load than the same object literal.
      return `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(json)});`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes(`${path.sep}gql${path.sep}`)) return null;
      const names = new Set<string>();
      const replaced = code.replace(call, (whole, text: string) => {
        const def = /\b(query|mutation|subscription|fragment)\s+(\w+)/.exec(text);
        if (!def) return whole;
        const name = def[1] === 'fragment' ? `${def[2]}FragmentDoc` : `${def[2]}Document`;
        names.add(name);
        // As many lines as the call: the lines below keep their numbers (source maps).
        return `__gql_${name}${'\n'.repeat(whole.split('\n').length - 1)}`;
      });
      if (names.size === 0) return null;
      // On the first line, before what is there.
      const imports = [...names].map((n) => `import __gql_${n} from '${prefix}${n}';`).join(' ');
      return { code: `${imports} ${replaced}`, map: null };
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to each script and stylesheet of the build,
 * which the server sends to browsers that take them (server/http/web-client.ts): about a third
 * of the bytes, compressed once at build time rather than on every request.
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      const files = Object.keys(bundle).filter((f) => /\.(?:js|css)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(dir, f);
          const data = await readFile(file);
          const [brotli, gzipped] = await Promise.all([
            br(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gz(data, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${file}.br`, brotli), writeFile(`${file}.gz`, gzipped)]);
        }),
      );
    },
  };
}

// The built client goes to dist/web, which the server serves at `/`.
export default defineConfig({
  root,
  plugins: [graphqlDocuments(), precompress()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(root, '../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Read by the server to preload the editor's code on draft pages.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every address runs first (the entry and its static imports): one file, and
            // kept out of the group below.
            { name: 'app', tags: ['$initial'], priority: 2 },
            // What lazily loaded pages share, in one chunk rather than one per module: a page's
            // first open makes a handful of requests, not a dozen queued behind the browser's six
            // connections (the draft's own text among them).
            { name: 'shared', minShareCount: 2, priority: 1 },
          ],
        },
      },
      // "use client" directives mean nothing without server components; the warning is noise.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: server, ws: true, changeOrigin: true },
      '/collab': { target: server, ws: true, changeOrigin: true },
      '/healthz': { target: server },
    },
  },
  test: {
    root,
    environment: 'happy-dom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
