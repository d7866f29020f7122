// Runs both test runners, whatever the first one says, and fails if either failed: a red jest
// run must not hide what vitest would have said (nor the other way round).
import { spawnSync } from 'node:child_process';

const runs = [
  ['jest', ['--runInBand']],
  ['vitest', ['run', '--config', 'client/vite.config.mts']],
];
const failed = [];
for (const [bin, args] of runs) {
  const { status, signal } = spawnSync('npx', ['--no-install', bin, ...args], { stdio: 'inherit' });
  if (status !== 0) failed.push(`${bin} (${signal ?? `exit ${status}`})`);
}
if (failed.length > 0) {
  console.error(`\nTests failed in: ${failed.join(', ')}`);
  process.exit(1);
}
