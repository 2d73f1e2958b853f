#!/usr/bin/env node
/**
 * `npm run test:stress`: the tests beside a CPU hog, several runs in a row (issue 18: tests that
 * do not flake on a loaded machine). By default the browser tests (`test/e2e.*`, the ones that
 * wait for layouts and animations) three times; `--all` runs the whole suite; FILES... names
 * others. `--runs N` and `--hogs N` (busy processes, default one per core) change the load.
 * Each run's result and time is printed, and the exit code is 1 when any run failed.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    hogs: { type: 'string', default: String(availableParallelism()) },
    all: { type: 'boolean', default: false },
  },
});
const files = values.all
  ? []
  : positionals.length > 0
    ? positionals
    : readdirSync('test')
        .filter((name) => /^e2e\..*\.test\.ts$/.test(name))
        .map((name) => `test/${name}`);

// Busy loops, one process each: the tests compete with them for every core.
const hogs = Array.from({ length: Number(values.hogs) }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopHogs = () => {
  for (const hog of hogs) hog.kill('SIGKILL');
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const vitest = (run) =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('npx', ['vitest', 'run', ...files], { stdio: 'inherit' });
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ run, code: code ?? 1, seconds });
    });
  });

const results = [];
for (let run = 1; run <= Number(values.runs); run++) {
  process.stderr.write(
    `[test:stress] run ${run} of ${values.runs} beside ${hogs.length} CPU hog(s): ${files.length > 0 ? files.join(' ') : 'the whole suite'}\n`,
  );
  results.push(await vitest(run));
}
stopHogs();
for (const { run, code, seconds } of results)
  process.stderr.write(`[test:stress] run ${run}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s\n`);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
