/** The land-class table's text, in both languages. */
import type { Lang } from '../i18n/strings';

const zh = {
  title: '按地类统计面积',
  hint: '选一个范围（绘制的面或站点）和一个面图层（如三调地类图斑），得出范围内各地类的面积（亩、公顷、平方米）和占比。',
  target: '范围',
  layer: '面图层',
  field: '地类字段',
  none: '（请选择）',
  noTarget: '先画一个面（绘制与标注 → 面），或选一个有范围的站点。',
  noLayer: '先导入一个面图层（如三调地类图斑的 GeoPackage、文件地理数据库或 Shapefile）。',
  run: '计算',
  running: (pct: number) => `计算中… ${pct}%`,
  cancel: '取消',
  cls: '地类',
  clsOf: (field: string) => `地类（${field}）`,
  mu: '亩',
  ha: '公顷',
  m2: '平方米',
  share: '占比',
  parcels: '图斑',
  total: '合计',
  uncovered: '图层未覆盖',
  empty: '（空）',
  areaOf: (name: string, mu: string, ha: string) => `“${name}”的面积：${mu} 亩（${ha} 公顷）。`,
  schematic: (name: string, note: string) => `“${name}”的范围是示意位置，不是测量红线（${note}）：下表面积只说明量级。`,
  method: '椭球面积：在 GRS80 椭球的等积投影上裁切和量算，与 GDAL 的结果相差不到 0.1%（测试核对）。站点多为示意范围，统计只说明量级。',
  skipped: (n: number, which: string) => `${n} 个图斑边界自相交或无法裁切，未计入（要素序号 ${which}）：合计少算了它们。`,
  notPolygons: (n: number) => `${n} 个非面要素不参与统计。`,
  csv: 'CSV',
  excel: 'Excel',
  piecesLayer: (name: string) => `地类分块 · ${name}`,
  piecesShown: (name: string) => `已把范围内的图斑分块加为图层“${name}”，可在属性表里导出 Shapefile 或 GeoPackage。`,
  failed: (why: string) => `统计未完成：${why}`,
};

export type LandClassStrings = typeof zh;

const en: LandClassStrings = {
  title: 'Area by land class',
  hint: 'Choose an area (a drawn polygon or a site) and a polygon layer (such as the 三调 land-use parcels) to get each class’s area inside it, in mu, hectares and m², and its share.',
  target: 'Area',
  layer: 'Polygon layer',
  field: 'Class field',
  none: '(choose)',
  noTarget: 'Draw a polygon first (Draw and annotate → Polygon), or choose a site that has an extent.',
  noLayer: 'Import a polygon layer first (such as the 三调 parcels as a GeoPackage, File Geodatabase or Shapefile).',
  run: 'Compute',
  running: (pct: number) => `Computing… ${pct}%`,
  cancel: 'Cancel',
  cls: 'Class',
  clsOf: (field: string) => `Class (${field})`,
  mu: 'mu',
  ha: 'ha',
  m2: 'm²',
  share: 'Share',
  parcels: 'Parcels',
  total: 'Total',
  uncovered: 'Not covered by the layer',
  empty: '(empty)',
  areaOf: (name: string, mu: string, ha: string) => `Area of “${name}”: ${mu} mu (${ha} ha).`,
  schematic: (name: string, note: string) =>
    `The extent of “${name}” is schematic, not a surveyed red line (${note}): the areas below give an order of magnitude only.`,
  method:
    'Ellipsoidal areas: clipped and measured in an equal-area projection on the GRS80 ellipsoid; within 0.1 % of GDAL’s results (checked by the tests). Most sites’ extents are schematic: their figures give an order of magnitude only.',
  skipped: (n: number, which: string) =>
    `${n} parcel(s) with self-crossing boundaries or that could not be clipped were left out (feature numbers ${which}): the total is short by them.`,
  notPolygons: (n: number) => `${n} feature(s) that are not polygons take no part.`,
  csv: 'CSV',
  excel: 'Excel',
  piecesLayer: (name: string) => `Land-class pieces · ${name}`,
  piecesShown: (name: string) =>
    `The parcels’ pieces inside the area were added as the layer “${name}”; its attribute table exports them as Shapefile or GeoPackage.`,
  failed: (why: string) => `The table was not finished: ${why}`,
};

export const LAND_CLASS_STRINGS: Record<Lang, LandClassStrings> = { zh, en };
