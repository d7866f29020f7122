import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { appSchema } from '../server/graphql/schema';
import { projectRoot } from '../server/paths';

/** Writes schema/schema.graphql; with --check, fails when the checked-in file is stale. */
async function main() {
  const target = path.join(projectRoot, 'schema', 'schema.graphql');
  const sdl = `# Generated from the type-graphql resolvers by \`npm run schema:emit\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(await appSchema()))}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== sdl) {
      process.stderr.write(
        'schema/schema.graphql is stale: run `npm run schema:emit` and commit it.\n',
      );
      process.exit(1);
    }
    process.stdout.write('schema/schema.graphql is up to date.\n');
    return;
  }
  writeFileSync(target, sdl);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
