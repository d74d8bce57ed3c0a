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
  /** Parses a zipped Shapefile (reprojected to WGS-84 where a .prj says how). */
  export default function shp(input: ArrayBuffer): Promise<import('geojson').FeatureCollection | import('geojson').FeatureCollection[]>;
}
