import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { allResolvers } from './schema';

const serverDir = path.join(__dirname, '..');
const resolverFiles = readdirSync(serverDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.resolver.ts'))
  .map((f) => path.join(serverDir, f));

describe('the schema', () => {
  it("takes every resolver class declared in server/, through its module's resolvers list", async () => {
    for (const file of resolverFiles) await import(file);
    const taken = new Set<unknown>(allResolvers());
    // A resolver class missing from its module's `resolvers` would silently drop its fields.
    const missing = getMetadataStorage()
      .resolverClasses.filter((r) => !taken.has(r.target))
      .map((r) => r.target.name);
    expect(missing).toEqual([]);
  });
});
