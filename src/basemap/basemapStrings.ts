/** The county basemap's and the terrain's text, in both languages. */
import type { Lang } from '../i18n/strings';

export type ArchiveFault =
  | { code: 'not-pmtiles' }
  | { code: 'type'; want: 'vector' | 'image' }
  | { code: 'schema'; missing: string[] }
  | { code: 'unreadable' };

const zh = {
  countyName: '县域地图（离线）',
  countyAttributionNote: '道路、水系、地名：OpenStreetMap（WGS-84），遂昌的点位已换算到同一坐标系',
  fault: (f: ArchiveFault): string =>
    f.code === 'not-pmtiles'
      ? '不是 PMTiles 文件'
      : f.code === 'type'
        ? f.want === 'vector'
          ? '不是矢量瓦片'
          : '不是高程图片瓦片'
        : f.code === 'schema'
          ? `缺少图层 ${f.missing.join('、')}`
          : '无法读取',
  countyBroken: (why: string) => `县域底图 basemap/county.pmtiles 无法使用（${why}），显示内置的县界轮廓。`,
  terrainBroken: (why: string) => `地形文件 basemap/terrain.pmtiles 无法使用（${why}），不显示地形。`,
  terrain: '地形',
  hillshade: '山体阴影',
  threeD: '三维地形',
  exaggeration: '高程夸张',
  datumNote: '地形数据为 WGS-84 坐标，只叠加在 WGS-84 底图（如县域地图）上。',
  elevation: (m: number) => `最后一点海拔约 ${m.toLocaleString('zh-CN')} 米`,
  elevationNone: '最后一点处无高程数据',
  stopTerrain: '三维地形（有地形数据时）',
};

const en: typeof zh = {
  countyName: 'County map (offline)',
  countyAttributionNote: 'Roads, water and names: OpenStreetMap (WGS-84); Suichang’s sites are converted to the same datum',
  fault: (f) =>
    f.code === 'not-pmtiles'
      ? 'not a PMTiles archive'
      : f.code === 'type'
        ? f.want === 'vector'
          ? 'not vector tiles'
          : 'not height image tiles'
        : f.code === 'schema'
          ? `no ${f.missing.join(', ')} layer`
          : 'unreadable',
  countyBroken: (why) => `The county basemap basemap/county.pmtiles cannot be used (${why}); showing the built-in county outlines.`,
  terrainBroken: (why) => `The terrain file basemap/terrain.pmtiles cannot be used (${why}); no terrain is shown.`,
  terrain: 'Terrain',
  hillshade: 'Hillshade',
  threeD: '3D terrain',
  exaggeration: 'Exaggeration',
  datumNote: 'The terrain is in WGS-84: it is drawn over a WGS-84 basemap (such as the county map) only.',
  elevation: (m) => `Last point: elevation about ${m.toLocaleString('en')} m`,
  elevationNone: 'No elevation data at the last point',
  stopTerrain: '3D terrain (where terrain data is present)',
};

export const BASEMAP_STRINGS: Record<Lang, typeof zh> = { zh, en };
