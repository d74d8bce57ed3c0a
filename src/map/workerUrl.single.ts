import source from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';

/** The one-file build: the worker's source is inlined and handed to MapLibre as a blob URL (works from file://). */
export const workerUrl = (): string => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
