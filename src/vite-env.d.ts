/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module '*.geojson' {
  const value: import('geojson').FeatureCollection;
  export default value;
}

declare module '*.woff2?url' {
  const url: string;
  export default url;
}

declare module 'shpjs' {
  /** The geometries of a .shp, reprojected to WGS-84 where the .prj text says how (and proj4 reads it). */
  export function parseShp(shp: Uint8Array | ArrayBuffer | DataView, prj?: string): (import('geojson').Geometry | null)[];
  /** The rows of a .dbf, decoded with the .cpg's encoding (or UTF-8). */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer | DataView, cpg?: string): Record<string, unknown>[];
}
