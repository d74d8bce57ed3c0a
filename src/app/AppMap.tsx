/**
 * The map with the app's features plugged in: the map owner (src/map) knows none of them. Loaded
 * lazily beside the UI, as one chunk with MapLibre's set-up.
 */
import { terrainFeature } from '../basemap/terrainFeature';
import { layerControlFeature } from '../controls/layerControlFeature';
import { layersMapFeature } from '../layers/layersFeature';
import MapView from '../map/MapView';
import type { MapFeature } from '../map/registry';
import { sitesFeature } from '../map/sitesFeature';
import { tilesMapFeature } from '../tiles/tilesFeature';
import { toolsMapFeature } from '../tools/map/toolsFeature';
import { tourMapFeature } from '../tour/mapFeature';

/** In dispatch order: the tools see a click before the sites. */
const FEATURES: readonly MapFeature[] = [
  toolsMapFeature,
  tourMapFeature,
  tilesMapFeature,
  layersMapFeature,
  sitesFeature,
  // After the sites' feature: the hillshade lies over the county fill and the basemap, under the sites.
  terrainFeature,
  layerControlFeature,
];

export default function AppMap() {
  return <MapView features={FEATURES} />;
}
