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
