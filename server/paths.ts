import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root, found from this file whether it runs from server/ (tests) or dist/server/. */
export const projectRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();
