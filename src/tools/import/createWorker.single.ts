/** The one-file build: the import worker inlined (its parsers with it), as nothing can be fetched. */
import ImportWorker from './import.worker.ts?worker&inline';

export const createImportWorker = (): Worker => new ImportWorker();
