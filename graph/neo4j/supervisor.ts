import { type EmbeddedNeo4j, type EmbeddedOptions, freePort, startEmbeddedNeo4j } from './embedded.js';

/** What /api/health and a 503 say about the embedded Neo4j (issue "Operations"). */
export interface Supervision {
  state: 'running' | 'restarting' | 'stopped';
  /** Restarts after a crash since the app started. */
  restarts: number;
  /** The last time Neo4j ended without being asked to, and how. */
  lastCrash?: { at: string; code: number | null; signal: string | null };
  /** While restarting: attempts so far and when the next one starts. */
  attempt?: number;
  nextAttemptAt?: string;
}

export interface SupervisedNeo4j {
  /** The Neo4j running now (its pid and version change after a restart; uri and password do not). */
  current(): EmbeddedNeo4j;
  supervision(): Supervision;
  stop(): Promise<void>;
}

export interface Backoff {
  /** Wait before the first restart; doubled after every failed attempt up to maxMs. */
  firstMs: number;
  maxMs: number;
}

const DEFAULT_BACKOFF: Backoff = { firstMs: 1_000, maxMs: 30_000 };

let active: SupervisedNeo4j | undefined;

/** The app's supervised Neo4j, if it runs one (none when NEO4J_URI names another server). */
export const supervision = (): Supervision | undefined => active?.supervision();

/**
 * Starts the embedded Neo4j and starts it again whenever it ends without being asked to (a crash,
 * an out-of-memory exit, a kill), on the same port, data and password, so that the driver's next
 * connection reaches it without the app doing anything. Waits grow from firstMs to maxMs while
 * attempts fail, and start again from firstMs once one succeeds.
 */
export async function superviseEmbeddedNeo4j(
  options: EmbeddedOptions & { backoff?: Backoff; report?: (line: string) => void } = {},
): Promise<SupervisedNeo4j> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const report = options.report ?? ((line: string) => console.log(`[kinline] ${line}`));
  const settings = { ...options, port: options.port || (await freePort()) };
  let neo4j = await startEmbeddedNeo4j(settings);
  let stopping = false;
  let state: Supervision = { state: 'running', restarts: 0 };
  let timer: NodeJS.Timeout | undefined;
  let starting: Promise<EmbeddedNeo4j> | undefined;

  const watch = (running: EmbeddedNeo4j) =>
    void running.exited.then(({ code, signal }) => {
      if (stopping) return;
      state = { ...state, state: 'restarting', lastCrash: { at: new Date().toISOString(), code, signal } };
      report(`the embedded Neo4j ended (code ${code}, signal ${signal}); restarting it`);
      scheduleRestart(1, backoff.firstMs);
    });

  const scheduleRestart = (attempt: number, waitMs: number) => {
    state = { ...state, attempt, nextAttemptAt: new Date(Date.now() + waitMs).toISOString() };
    timer = setTimeout(() => void restart(attempt, waitMs), waitMs);
  };

  const restart = async (attempt: number, waitMs: number) => {
    if (stopping) return;
    try {
      starting = startEmbeddedNeo4j(settings);
      neo4j = await starting;
    } catch (error) {
      const next = Math.min(waitMs * 2, backoff.maxMs);
      report(
        `restart attempt ${attempt} failed (${(error as Error).message.split('\n')[0]}); next in ${next / 1000} s`,
      );
      scheduleRestart(attempt + 1, next);
      return;
    }
    if (stopping) return; // stop() waits for this start and stops what it started
    state = {
      state: 'running',
      restarts: state.restarts + 1,
      ...(state.lastCrash ? { lastCrash: state.lastCrash } : {}),
    };
    report(`the embedded Neo4j is back (attempt ${attempt}, ${state.restarts} restart(s) since start)`);
    watch(neo4j);
  };

  watch(neo4j);
  const supervised: SupervisedNeo4j = {
    current: () => neo4j,
    supervision: () => ({ ...state }),
    async stop() {
      stopping = true;
      clearTimeout(timer);
      state = { ...state, state: 'stopped' };
      if (active === supervised) active = undefined;
      await starting?.catch(() => undefined);
      await neo4j.stop();
    },
  };
  active = supervised;
  return supervised;
}
