import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '../config.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(HERE, '..', '..');
const RUNTIME_DIR = join(PROJECT_ROOT, 'data', 'neo4j-runtime');
const CLASSPATH_FILE = join(RUNTIME_DIR, 'classpath.txt');
const POM = join(HERE, 'pom.xml');
const LAUNCHER = join(HERE, 'Launcher.java');

/** The app's data directory for the embedded Neo4j: KINLINE_NEO4J_DATA, default data/neo4j. */
export const defaultHome = () => config().neo4jData;

export interface EmbeddedOptions {
  /** Data directory; default defaultHome(). */
  home?: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Default KINLINE_NEO4J_HEAP_MB (graph/config.ts). */
  heapMiB?: number;
  /** Default KINLINE_NEO4J_PAGECACHE_MB. */
  pageCacheMiB?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** What a driver needs to sign in: Bolt always asks for the generated password. */
  connection: { uri: string; user: string; password: string };
  port: number;
  version: string;
  pid: number;
  /** Settles when the Neo4j process ends, whoever ended it. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'Kinline needs Java 17+ to run its embedded Neo4j: install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`), or run `docker compose up`, or set NEO4J_URI to an existing Neo4j.',
    );
  }
}

function newerThan(file: string, ...inputs: string[]): boolean {
  if (!existsSync(file)) return false;
  const built = statSync(file).mtimeMs;
  return inputs.every((input) => statSync(input).mtimeMs <= built);
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    if (command === 'java' || command === 'javac') throw new JavaMissingError();
    throw new Error(
      `${what} needs \`${command}\`, which is not installed (Maven 3.8+ resolves Neo4j from Maven Central).`,
    );
  }
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`.trim());
}

/** Resolves Neo4j from Maven Central (once, cached in ~/.m2) and compiles the launcher. */
export function prepareEmbeddedNeo4j(): { classpath: string } {
  // Checked first so that a machine without Java gets one clear line, not Maven's complaint.
  run('java', ['-version'], 'Checking Java');
  mkdirSync(RUNTIME_DIR, { recursive: true });
  if (!newerThan(CLASSPATH_FILE, POM)) {
    run(
      'mvn',
      ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
      'Resolving Neo4j from Maven Central',
    );
  }
  const classpath = readFileSync(CLASSPATH_FILE, 'utf8').trim();
  const classes = join(RUNTIME_DIR, 'classes');
  if (!newerThan(join(classes, 'Launcher.class'), LAUNCHER, CLASSPATH_FILE)) {
    run('javac', ['-cp', classpath, '-d', classes, LAUNCHER], 'Compiling the Neo4j launcher');
  }
  return { classpath: `${classes}:${classpath}` };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const PASSWORD_FILE = 'kinline-neo4j-password';

/**
 * The password of the embedded Neo4j's user `neo4j`: generated at the first start and kept in the
 * data directory, readable by its owner only (the data directory too), so another local account
 * can neither read the graph over Bolt nor the password file.
 */
export function embeddedPassword(home: string): string {
  const dir = resolve(PROJECT_ROOT, home);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, PASSWORD_FILE);
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/** How to reach an embedded Neo4j already running on this port with its data in `home`. */
export function embeddedConnection(home: string, port: number) {
  return { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: embeddedPassword(home) };
}

/** Starts Neo4j Community with Bolt on loopback and resolves once it accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions = {}): Promise<EmbeddedNeo4j> {
  const { classpath } = prepareEmbeddedNeo4j();
  const port = options.port || (await freePort());
  const home = resolve(PROJECT_ROOT, options.home ?? defaultHome());
  const password = embeddedPassword(home);
  const log = options.log ?? (() => {});
  const child = spawn(
    'java',
    [
      `-Xmx${options.heapMiB ?? config().neo4jHeapMiB}m`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      classpath,
      'Launcher',
    ],
    {
      cwd: PROJECT_ROOT,
      // stdin stays an open pipe: when this process dies, the pipe closes and Neo4j stops too.
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        KINLINE_NEO4J_HOME: home,
        KINLINE_NEO4J_PORT: String(port),
        KINLINE_NEO4J_PAGECACHE: String(options.pageCacheMiB ?? config().neo4jPageCacheMiB),
        KINLINE_NEO4J_PASSWORD: password,
      },
    },
  );
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const version = await waitForReady(child, log);
  return {
    exited,
    uri: `bolt://127.0.0.1:${port}`,
    connection: embeddedConnection(home, port),
    port,
    version,
    pid: child.pid ?? -1,
    stop: () => stopChild(child),
  };
}

function waitForReady(child: ChildProcess, log: (line: string) => void): Promise<string> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`Neo4j did not start within 180 s:\n${output.slice(-4000)}`)),
      180_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? new JavaMissingError() : error));
    const exitedEarly = (code: number | null) =>
      fail(new Error(`Neo4j exited (code ${code}) before it was ready:\n${output.slice(-4000)}`));
    child.on('exit', exitedEarly);
    let ready = false;
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_000)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-16_000);
      for (const line of text.split('\n').filter(Boolean)) log(line);
      const match = ready ? null : /KINLINE_NEO4J_READY (\d+) (\S+)/.exec(output);
      if (match) {
        ready = true;
        clearTimeout(timer);
        child.off('exit', exitedEarly);
        resolveReady(match[2] ?? 'unknown');
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
