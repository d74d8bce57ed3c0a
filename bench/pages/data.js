// The data every peer page draws: the county basemap and each layer's sites, as the app has them
// (layers from geodata/layers.json, so a new layer shows up here without editing the pages).
export async function loadMapData() {
  const get = async (u) => (await fetch(u)).json();
  const [counties, layers] = await Promise.all([get('/geodata/basemap/counties.geojson'), get('/geodata/layers.json')]);
  const sites = await Promise.all(layers.map((l) => get(`/geodata/sites/${l.id}.geojson`)));
  return { counties, sites };
}

/** The app's county fills (src/map/palette.ts). */
export const COUNTY_FILL = { focus: '#fbfcfd', lishui: '#eceff3', zhejiang: '#dde2e8' };
