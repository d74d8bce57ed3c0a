import url from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** The MapLibre worker as a file Vite serves beside the app (absolute: workers resolve nothing relative). */
export const workerUrl = (): string => new URL(url, location.href).href;
