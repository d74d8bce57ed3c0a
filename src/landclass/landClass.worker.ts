/// <reference lib="webworker" />
/** The land-class table off the page: progress every few hundred parcels, then the result. */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { landClassTable } from './landClass';

export interface LandClassRequest {
  target: Polygon | MultiPolygon;
  parcels: Feature[];
  field: string;
}

self.onmessage = (e: MessageEvent<LandClassRequest>) => {
  const { target, parcels, field } = e.data;
  const result = landClassTable({ target, parcels, field, onProgress: (done, total) => self.postMessage({ progress: done / total }) });
  self.postMessage({ result });
};
