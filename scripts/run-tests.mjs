// Runs both test runners, whatever the first one says, and fails if either failed: a red jest
// run must not hide what vitest would have said (nor the other way round).
//
// A runner that does not finish is killed: a handle left open by a failed test (a database
// connection whose afterAll never ran) must make the run red, not keep CI waiting for hours.
// jest's --forceExit ends it once its results are in; the time limit is the last resort.
// The runner's own binary, not npx: the time limit must stop the runner, not only its launcher.
import { spawnSync } from 'node:child_process';

const LIMIT_MS = { jest: 75 * 60_000, vitest: 15 * 60_000 };
const runs = [
  // One test file at a time, in one worker that jest replaces once it holds more than
  // `workerIdleMemoryLimit` (jest.config.js): run in band, the whole suite's leftovers (modules,
  // models, timers of ~100 files) grew past a 4 GB heap.
  ['jest', ['--maxWorkers=1', '--forceExit']],
  ['vitest', ['run', '--config', 'client/vite.config.mts']],
];
const failed = [];
for (const [bin, args] of runs) {
  const { status, signal, error } = spawnSync(`node_modules/.bin/${bin}`, args, {
    stdio: 'inherit',
    timeout: LIMIT_MS[bin],
    killSignal: 'SIGKILL',
  });
  if (error?.code === 'ETIMEDOUT')
    console.error(`\n${bin} did not finish within ${LIMIT_MS[bin] / 60_000} minutes: stopped.`);
  if (status !== 0) failed.push(`${bin} (${signal ?? `exit ${status}`})`);
}
if (failed.length > 0) {
  console.error(`\nTests failed in: ${failed.join(', ')}`);
  process.exit(1);
}
