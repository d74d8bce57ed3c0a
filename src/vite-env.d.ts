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
