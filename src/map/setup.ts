/**
 * Global MapLibre set-up, in one place: the worker URL Vite can serve (MapLibre 6
 * otherwise looks for its worker beside its own file and fails in a bundle), and
 * workers started early so they are ready when the map asks.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { workerUrl } from './workerUrl';

maplibregl.setWorkerUrl(workerUrl());
maplibregl.prewarm();

export default maplibregl;

/**
 * Why MapLibre's worker script cannot start, if it cannot: not served, or served with a type the
 * browser refuses for a module worker (an old MIME table sends .mjs as application/octet-stream).
 * Asked only when the map is slow to load; the request is answered from the browser's cache.
 */
export async function workerScriptProblem(): Promise<string | null> {
  try {
    const r = await fetch(workerUrl());
    if (!r.ok) return `HTTP ${r.status}`;
    const type = r.headers.get('content-type') ?? '';
    return /javascript|ecmascript/i.test(type) ? null : type || 'no Content-Type';
  } catch (error) {
    return String((error as Error)?.message ?? error);
  }
}
