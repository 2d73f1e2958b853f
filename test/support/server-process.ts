import { spawn } from 'node:child_process';
import { testNeo4jEnv } from './graph.js';

export interface ServerProcess {
  url: string;
  /** Everything it printed up to and including its "serving on" line. */
  output: string;
  stop(): Promise<void>;
}

/**
 * `server/main.ts` in a child process, as `npm start` runs it, on the run's Neo4j and a free
 * port; resolves once it prints where it serves.
 */
export function startServerProcess(env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...testNeo4jEnv(),
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in time:\n${output}`)), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const serving = /\[kinline\] serving on (http:\/\/\S+)/.exec(output);
      if (!serving) return;
      clearTimeout(timer);
      resolve({
        url: serving[1]!,
        output,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before serving:\n${output}`)));
  });
}
