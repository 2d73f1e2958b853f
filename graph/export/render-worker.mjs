// The worker thread's entry (off-thread.ts): plain JavaScript, which loads the TypeScript worker
// through tsx, as workers do not inherit the main thread's loader.
import { tsImport } from 'tsx/esm/api';

await tsImport('./render-worker.ts', import.meta.url);
