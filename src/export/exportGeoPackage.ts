/**
 * Features of the map as a GeoPackage in the chosen system, written by GDAL (src/gdal/, loaded on first
 * use): taken back to WGS-84 first when they are in the map's GCJ-02 (the same inversion as the
 * Shapefile's), then projected by GDAL's own PROJ. Text stays UTF-8 (GeoPackage has no other); field names
 * are kept whole. Null in the one-file build, which has no GDAL.
 */
import type { Feature } from 'geojson';
import { useApp } from '../state/store';
import { download } from '../tools/exportData';
import { convertCoords } from './convert';
import { gcjToWgs } from './exportCrs';
import { EXPORT_STRINGS } from './exportStrings';

export async function exportGeoPackage(
  layerName: string,
  features: readonly Feature[],
  epsg: number,
  from: 'GCJ-02' | 'WGS-84' = 'GCJ-02',
): Promise<Uint8Array | null> {
  const fc = {
    type: 'FeatureCollection',
    features: features
      .filter((f) => f.geometry)
      .map((f) => ({
        type: 'Feature',
        properties: f.properties ?? {},
        geometry: from === 'GCJ-02' ? convertCoords(f.geometry, gcjToWgs) : f.geometry,
      })),
  };
  const { gdalGeoPackage } = await import('../gdal/gdalClient');
  return gdalGeoPackage(layerName, JSON.stringify(fc), epsg);
}

/** Writes, downloads and says: "writing" first (GDAL may load), then the count, or why not. */
export async function saveGeoPackage(
  fileName: string,
  layerName: string,
  features: readonly Feature[],
  epsg: number,
  from: 'GCJ-02' | 'WGS-84',
): Promise<void> {
  const notify = (text: string) => useApp.getState().notify(text);
  const t = () => EXPORT_STRINGS[useApp.getState().lang];
  notify(t().gpkgWriting);
  try {
    const bytes = await exportGeoPackage(layerName, features, epsg, from);
    if (!bytes) return notify(t().gpkgUnavailable);
    const type = 'application/geopackage+sqlite3';
    download(fileName, new Blob([bytes as BlobPart], { type }), type);
    notify(t().gpkgDone(features.length, epsg));
  } catch (error) {
    notify(t().gpkgFailed((error as Error).message));
  }
}
