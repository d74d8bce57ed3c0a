/** The county basemap's and the terrain's text, in both languages. */
import type { Lang } from '../i18n/strings';

export type ArchiveFault =
  | { code: 'not-pmtiles' }
  | { code: 'type'; want: 'vector' | 'image' }
  | { code: 'schema'; missing: string[] }
  | { code: 'unreadable' }
  /** The server sends the whole file for a range, or compresses it on the way. */
  | { code: 'server'; why: 'no-ranges' | 'encoded' };

const zh = {
  countyName: '县域地图（离线）',
  fault: (f: ArchiveFault): string => {
    switch (f.code) {
      case 'not-pmtiles':
        return '不是 PMTiles 文件';
      case 'type':
        return f.want === 'vector' ? '不是矢量瓦片' : '不是高程图片瓦片';
      case 'schema':
        return `缺少图层 ${f.missing.join('、')}`;
      case 'server':
        return f.why === 'no-ranges' ? '服务器不支持按字节读取，会整个下载' : '服务器压缩了传输，字节位置对不上';
      default:
        return '无法读取';
    }
  },
  countyBroken: (why: string) => `县域底图 basemap/county.pmtiles 无法使用（${why}），显示内置的县界轮廓。`,
  terrainBroken: (why: string) => `地形文件 basemap/terrain.pmtiles 无法使用（${why}），不显示地形。`,
  terrain: '地形',
  hillshade: '山体阴影',
  threeD: '三维地形',
  exaggeration: '高程夸张',
  datumNote: '地形数据为 WGS-84 坐标，只叠加在 WGS-84 底图（如县域地图）上。',
  elevation: (m: number) => `最后一点海拔约 ${m.toLocaleString('zh-CN')} 米`,
  elevationNone: '最后一点处无高程数据',
};

const en: typeof zh = {
  countyName: 'County map (offline)',
  fault: (f) => {
    switch (f.code) {
      case 'not-pmtiles':
        return 'not a PMTiles archive';
      case 'type':
        return f.want === 'vector' ? 'not vector tiles' : 'not height image tiles';
      case 'schema':
        return `no ${f.missing.join(', ')} layer`;
      case 'server':
        return f.why === 'no-ranges'
          ? 'the server does not serve byte ranges: it would send the whole file'
          : 'the server compresses the transfer: byte offsets no longer match';
      default:
        return 'unreadable';
    }
  },
  countyBroken: (why) => `The county basemap basemap/county.pmtiles cannot be used (${why}); showing the built-in county outlines.`,
  terrainBroken: (why) => `The terrain file basemap/terrain.pmtiles cannot be used (${why}); no terrain is shown.`,
  terrain: 'Terrain',
  hillshade: 'Hillshade',
  threeD: '3D terrain',
  exaggeration: 'Exaggeration',
  datumNote: 'The terrain is in WGS-84: it is drawn over a WGS-84 basemap (such as the county map) only.',
  elevation: (m) => `Last point: elevation about ${m.toLocaleString('en')} m`,
  elevationNone: 'No elevation data at the last point',
};

export const BASEMAP_STRINGS: Record<Lang, typeof zh> = { zh, en };
