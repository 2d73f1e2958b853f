import { Worker } from 'node:worker_threads';
import type { GraphExport } from '../store/export.js';
import { type ExportFormat, type ExportOptions, renderExport } from './index.js';

/** Below this many records the copy to a worker costs more than the rendering it moves. */
const SMALL = 2_000;

// Plain JavaScript that loads the TypeScript worker through tsx (a worker does not inherit the
// main thread's loader).
const ENTRY = new URL('./render-worker.mjs', import.meta.url);

type Answer = { files?: Map<string, string>; error?: string };

let worker: Worker | undefined;
/** Exports are rendered one at a time: one core for them, the other for everyone else. */
let queue: Promise<unknown> = Promise.resolve();

/** The one export worker, started on first use (its start costs a second or more) and kept. */
function exportWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(ENTRY);
  started.unref();
  started.once('exit', () => {
    if (worker === started) worker = undefined;
  });
  worker = started;
  return started;
}

function inWorker(job: { format: ExportFormat; data: GraphExport; options: ExportOptions }): Promise<Answer> {
  const thread = exportWorker();
  return new Promise<Answer>((resolve, reject) => {
    const failed = (error: Error) => {
      thread.off('message', answered);
      reject(error);
    };
    const answered = (answer: Answer) => {
      thread.off('error', failed);
      resolve(answer);
    };
    thread.once('message', answered);
    thread.once('error', failed);
    thread.postMessage(job);
  });
}

/**
 * renderExport() in a worker thread, so the event loop keeps serving other clients while a large
 * export is redacted and serialised (issue 18); the same output, the same read-layer rules.
 */
export async function renderOffThread(
  format: ExportFormat,
  data: GraphExport,
  options: ExportOptions = {},
): Promise<Map<string, string>> {
  if (data.dataset.entities.length + data.dataset.relationships.length < SMALL)
    return renderExport(format, data, options);
  const answer = queue.then(() => inWorker({ format, data, options }));
  queue = answer.catch(() => undefined);
  const { files, error } = await answer;
  if (!files) throw new Error(error);
  return files;
}
