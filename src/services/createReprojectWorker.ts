/** The reprojecting worker as a module file; the one-file build aliases this to createReprojectWorker.single.ts. */
export const createReprojectWorker = (): Worker =>
  new Worker(new URL('./reproject.worker.ts', import.meta.url), { type: 'module', name: 'reproject' });
