/**
 * The worker thread of renderOffThread (off-thread.ts): redacts and serialises one export, so a
 * large export does not hold the server's event loop (issue 18: one whole-graph export of 7,000
 * people blocked every other client for 57 s, 46 s of it this work).
 */
import { parentPort } from 'node:worker_threads';
import { type ExportFormat, type ExportOptions, renderExport } from './index.js';
import type { GraphExport } from '../store/export.js';

parentPort?.on('message', (job: { format: ExportFormat; data: GraphExport; options: ExportOptions }) => {
  try {
    parentPort?.postMessage({ files: renderExport(job.format, job.data, job.options) });
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message });
  }
});
