/** The land-class worker as a file of its own; the one-file build aliases this to an inline worker. */
export const createLandClassWorker = (): Worker =>
  new Worker(new URL('./landClass.worker.ts', import.meta.url), { type: 'module', name: 'land-class' });
