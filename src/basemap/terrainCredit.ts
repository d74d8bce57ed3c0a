/**
 * The terrain's credit in the PNG and the print, as on screen: given while the terrain is drawn — found,
 * hillshade or 3D on, and the map in WGS-84 (over the embedded GCJ-02 outlines it is not drawn).
 */
import type { BasemapConfig } from './config';
import type { TerrainState } from './terrainState';

export function terrainCredits(
  terrain: Pick<TerrainState, 'found' | 'hillshade' | 'threeD'>,
  basemapId: string,
  basemaps: readonly BasemapConfig[],
): string[] {
  const { found } = terrain;
  if (!found?.attribution.trim() || !(terrain.hillshade || terrain.threeD)) return [];
  const datum = basemaps.find((b) => b.id === basemapId)?.datum;
  return datum === 'WGS-84' ? [found.attribution] : [];
}
