/**
 * Features of the map as a GeoPackage in the chosen system, written by GDAL (src/gdal/, loaded on first
 * use): taken back to WGS-84 first when they are in the map's GCJ-02 (the same inversion as the
 * Shapefile's), then projected by GDAL's own PROJ. Text stays UTF-8 (GeoPackage has no other); field names
 * are kept whole. Null in the one-file build, which has no GDAL.
 */
import type { Feature } from 'geojson';
import { convertCoords } from './convert';
import { gcjToWgs } from './exportCrs';

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
