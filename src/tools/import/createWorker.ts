/**
 * The import worker as a file of its own (module worker): the parsers it needs for one format (SheetJS
 * for Excel, proj4 for projected data) are chunks it fetches when a file of that format comes.
 * The one-file build aliases this module to createWorker.single.ts (an inline worker).
 */
export const createImportWorker = (): Worker =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
