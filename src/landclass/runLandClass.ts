/** Runs the land-class table in its worker: progress as it goes, cancellable (the worker is ended). */
import { createLandClassWorker } from './createLandClassWorker';
import type { LandClassResult } from './landClass';
import type { LandClassRequest } from './landClass.worker';

export function runLandClass(
  request: LandClassRequest,
  onProgress: (share: number) => void,
  signal: AbortSignal,
): Promise<LandClassResult> {
  return new Promise((resolve, reject) => {
    const worker = createLandClassWorker();
    const stop = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<{ progress?: number; result?: LandClassResult }>) => {
      if (e.data.result) {
        stop();
        resolve(e.data.result);
      } else if (e.data.progress !== undefined) onProgress(e.data.progress);
    };
    worker.onerror = (e) => {
      stop();
      reject(new Error(e.message || 'the land-class worker stopped'));
    };
    signal.addEventListener('abort', () => {
      stop();
      reject(new DOMException('cancelled', 'AbortError'));
    });
    worker.postMessage(request);
  });
}
