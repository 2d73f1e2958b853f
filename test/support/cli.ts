import { spawn } from 'node:child_process';
import { testNeo4jEnv } from './graph.js';

/** Runs the `kinline` command (bin/kinline.js) with this environment and collects its output. */
export function runKinline(
  env: NodeJS.ProcessEnv,
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['bin/kinline.js', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Runs `kinline` against the run's Neo4j (the one the test file's freshGraph() connects to). */
export const kinlineOnTestGraph = (args: string[], input?: string) =>
  runKinline(
    {
      ...process.env,
      ...testNeo4jEnv(),
    },
    args,
    input,
  );
