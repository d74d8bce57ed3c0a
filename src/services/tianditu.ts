/**
 * Tianditu (天地图), the national basemap, as presets: vector, imagery or terrain, with their label layers
 * (cva/cia/cta), in the Web Mercator grid (`_w`) or the geographic one (`_c`, EPSG:4490, drawn by
 * reprojection). Datum CGCS2000 — WGS-84 at this scale, no GCJ-02 offset. The key (`tk`) is added at
 * fetch time from this browser only (secrets.ts). `server` may be the site's own proxy path, where the
 * server adds its key instead.
 */
import type { GeoMatrix, ServiceDef } from './model';

export type TiandituKind = 'vec' | 'img' | 'ter';
export type TiandituGrid = 'w' | 'c';
/**
 * The server the form starts with: none shipped (the default run reaches nothing off the machine); a deployment
 * names Tianditu's own address or its proxy path with VITE_TIANDITU_SERVER (README).
 */
export const TIANDITU_SERVER: string | undefined = (import.meta.env?.VITE_TIANDITU_SERVER as string | undefined)?.trim() || undefined;
const LABELS: Record<TiandituKind, string> = { vec: 'cva', img: 'cia', ter: 'cta' };
const TITLES: Record<TiandituKind, string> = { vec: '天地图 矢量', img: '天地图 影像', ter: '天地图 地形' };
/** Terrain is published to level 14, the others to 18. */
const MAX: Record<TiandituKind, number> = { vec: 18, img: 18, ter: 14 };

/** The `_c` grid: level n is 2^n × 2^(n-1) tiles of 256 px from (-180°, 90°). */
export function tiandituGeographic(max: number): GeoMatrix[] {
  return Array.from({ length: max }, (_, i) => {
    const n = i + 1;
    return {
      id: String(n),
      res: 0.703125 / 2 ** (n - 1),
      left: -180,
      top: 90,
      tileWidth: 256,
      tileHeight: 256,
      matrixWidth: 2 ** n,
      matrixHeight: 2 ** (n - 1),
    };
  });
}

function one(layer: string, title: string, grid: TiandituGrid, max: number, server: string, usesKey: boolean): ServiceDef {
  const base = server.replace(/\/$/, '');
  const template = `${base}/${layer}_${grid}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=${grid}&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}`;
  const ids: Record<string, string> = {};
  for (let z = 1; z <= max; z++) ids[String(z)] = String(z);
  return {
    type: 'tianditu',
    title: `${title}${grid === 'c' ? '（经纬度）' : ''}`,
    template,
    ...(base.includes('{s}') ? { subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'] } : {}),
    grid: grid === 'w' ? { kind: 'webmercator', ids } : { kind: 'geographic', crs: 'EPSG:4490', matrices: tiandituGeographic(max) },
    tileSize: 256,
    minzoom: 1,
    maxzoom: max,
    datum: 'WGS-84',
    attribution: '天地图 · 国家地理信息公共服务平台',
    ...(usesKey ? { secret: 'tianditu' as const } : {}),
    from: { url: base, layer, matrixSet: grid, format: 'tiles', version: '1.0.0' },
  };
}

/** The map and, when asked, its labels on top. `usesKey`: false when the server (a proxy) adds the key itself. */
export function tiandituServices(kind: TiandituKind, grid: TiandituGrid, labels: boolean, server: string, usesKey = true): ServiceDef[] {
  const out = [one(kind, TITLES[kind], grid, MAX[kind], server, usesKey)];
  if (labels) out.push(one(LABELS[kind], `${TITLES[kind]}注记`, grid, MAX[kind], server, usesKey));
  return out;
}
