/** The GIS export's text, in both languages. */
import type { Lang } from '../i18n/strings';

const KIND_ZH = { point: '点', line: '线', polygon: '面' } as const;
const KIND_EN = { point: 'points', line: 'lines', polygon: 'polygons' } as const;
type Counts = Partial<Record<keyof typeof KIND_ZH, number>>;

const zh = {
  title: '导出到 GIS（ArcGIS、SuperMap、QGIS）',
  crs: '坐标系',
  encoding: '属性文字编码',
  gbk: 'GBK（ArcGIS 10、SuperMap 默认）',
  what: '导出内容',
  whatDrawings: (n: number) => `我的绘制（${n} 个）`,
  whatSites: (n: number) => `站点（${n} 个）`,
  whatLayer: (name: string, shown: number, all: number) =>
    shown === all ? `图层：${name}（${all} 个）` : `图层：${name}（按属性表筛选 ${shown} / ${all} 个）`,
  shapefile: 'Shapefile',
  geoPackage: 'GeoPackage',
  kmz: 'KMZ（奥维、Google Earth）',
  geojsonWgs: 'GeoJSON（WGS-84）',
  gpkgWriting: '正在写 GeoPackage（首次使用先加载 GDAL，约 40 MB）…',
  gpkgDone: (n: number, epsg: number) => `已导出 GeoPackage（EPSG:${epsg}，UTF-8）：${n} 个要素。`,
  gpkgUnavailable: '单文件版不含 GDAL，不能写 GeoPackage：请用服务器上的版本，或导出 Shapefile。',
  gpkgFailed: (why: string) => `GeoPackage 未能写出：${why}`,
  datumNote:
    '地图用 GCJ-02；导出时先反算到 WGS-84/CGCS2000（迭代到 0.1 毫米以内；两者相差几厘米，视为相同），再投影。站点多为示意位置，坐标不是测量成果。',
  datumNoteWgs: '这个图层本来就是 WGS-84/CGCS2000 经纬度（按文件读入），导出时直接投影，不做 GCJ-02 反算。',
  nothing: '没有可导出的要素。',
  done: (c: Counts, epsg: number, enc: string) =>
    `已导出 Shapefile（EPSG:${epsg}，${enc}）：${Object.entries(c)
      .map(([k, n]) => `${KIND_ZH[k as keyof typeof KIND_ZH]} ${n} 个`)
      .join('、')}。`,
  renamed: (list: string) => `DBF 字段名最多 10 个字节，已改名（对照见压缩包里的 fields.txt）：${list}`,
  unmappable: (chars: string) => `这些字符 GBK 无法表示，已写成“?”：${chars}。需要保留请选 UTF-8。`,
  skipped: (n: number) => `${n} 个要素没有几何，未导出。`,
};

export type ExportStrings = typeof zh;

const en: ExportStrings = {
  title: 'Export for GIS (ArcGIS, SuperMap, QGIS)',
  crs: 'Coordinate system',
  encoding: 'Attribute text encoding',
  gbk: 'GBK (what ArcGIS 10 and SuperMap expect)',
  what: 'What to export',
  whatDrawings: (n: number) => `My drawings (${n})`,
  whatSites: (n: number) => `Sites (${n})`,
  whatLayer: (name: string, shown: number, all: number) =>
    shown === all ? `Layer: ${name} (${all})` : `Layer: ${name} (filtered in its table: ${shown} of ${all})`,
  shapefile: 'Shapefile',
  geoPackage: 'GeoPackage',
  kmz: 'KMZ (Ovital, Google Earth)',
  geojsonWgs: 'GeoJSON (WGS-84)',
  gpkgWriting: 'Writing the GeoPackage (the first time, GDAL loads first: about 40 MB)…',
  gpkgDone: (n: number, epsg: number) => `GeoPackage exported (EPSG:${epsg}, UTF-8): ${n} feature${n === 1 ? '' : 's'}.`,
  gpkgUnavailable: 'The one-file build carries no GDAL and cannot write a GeoPackage: use the served app, or export a Shapefile.',
  gpkgFailed: (why: string) => `The GeoPackage could not be written: ${why}`,
  datumNote:
    'The map is in GCJ-02: the export inverts it to WGS-84/CGCS2000 (iterated to within 0.1 mm; the two differ by centimetres and are taken as one), then projects. Most sites are schematic: their coordinates are not survey results.',
  datumNoteWgs:
    'This layer is in WGS-84/CGCS2000 longitude and latitude already (as its file was read): it is projected directly, without the GCJ-02 inversion.',
  nothing: 'Nothing to export.',
  done: (c: Counts, epsg: number, enc: string) =>
    `Shapefile exported (EPSG:${epsg}, ${enc}): ${Object.entries(c)
      .map(([k, n]) => `${n} ${KIND_EN[k as keyof typeof KIND_EN]}`)
      .join(', ')}.`,
  renamed: (list: string) => `DBF field names hold at most 10 bytes; renamed (see fields.txt in the zip): ${list}`,
  unmappable: (chars: string) => `GBK cannot hold these characters, written as "?": ${chars}. Choose UTF-8 to keep them.`,
  skipped: (n: number) => `${n} feature(s) without geometry were left out.`,
};

export const EXPORT_STRINGS: Record<Lang, ExportStrings> = { zh, en };
