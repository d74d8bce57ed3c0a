/** The one-file build: the reprojecting worker inlined. */
import ReprojectWorker from './reproject.worker.ts?worker&inline';

export const createReprojectWorker = (): Worker => new ReprojectWorker();
