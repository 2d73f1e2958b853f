import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config } from '../config.js';
import { PROJECT_ROOT, prepareEmbeddedNeo4j } from './embedded.js';

/** Where the embedded Neo4j keeps the store of its one database (Community: `neo4j`). */
export function storeDirectory(home: string): string {
  return join(resolve(PROJECT_ROOT, home), 'data', 'databases', 'neo4j');
}

/** True when the embedded home holds no database files yet (never started, or just created). */
export function storeIsAbsent(home: string): boolean {
  const dir = storeDirectory(home);
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`, from the same Maven
 * artifacts as the embedded server) into the embedded home. The database must not be running;
 * `replace` lets it overwrite a store the caller has checked holds nothing.
 */
export function runOfflineImport(options: {
  home: string;
  args: string[];
  reportFile: string;
  heapMiB?: number;
  replace: boolean;
}): Promise<string> {
  const { classpath } = prepareEmbeddedNeo4j();
  const args = [
    `-Xmx${options.heapMiB ?? config().neo4jHeapMiB}m`,
    '-cp',
    classpath,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    `--report-file=${options.reportFile}`,
    ...(options.replace ? ['--overwrite-destination=true'] : []),
    ...options.args,
  ];
  return new Promise((done, fail) => {
    const child = spawn('java', args, {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NEO4J_HOME: resolve(PROJECT_ROOT, options.home),
        NEO4J_CONF: join(resolve(PROJECT_ROOT, options.home), 'conf'),
      },
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code === 0) return done(output);
      // Its output can quote input lines (names, ids): it stays beside the database's own logs,
      // never in an error message that may be shown or logged elsewhere.
      const logs = join(resolve(PROJECT_ROOT, options.home), 'logs');
      mkdirSync(logs, { recursive: true });
      writeFileSync(join(logs, 'offline-import.log'), output);
      fail(
        new Error(
          `Neo4j's offline importer failed (exit ${code}); its output is in ${join(logs, 'offline-import.log')}`,
        ),
      );
    });
  });
}
