/**
 * GDAL's worker as a file of its own (module worker). GDAL itself (about 40 MB: WebAssembly and its
 * data files) is fetched by the worker on its first use, never with the page. The one-file build aliases
 * this module to createGdalWorker.single.ts, which has none.
 */
export const createGdalWorker = (): Worker | null =>
  new Worker(new URL('./gdal.worker.ts', import.meta.url), { type: 'module', name: 'gdal' });
