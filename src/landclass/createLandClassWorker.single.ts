/** The one-file build: the land-class worker inlined, as nothing can be fetched. */
import LandClassWorker from './landClass.worker.ts?worker&inline';

export const createLandClassWorker = (): Worker => new LandClassWorker();
