/** Interface text of the planner's tools, in Chinese and English. */
import type { ImportProblem } from '../tools/import/errors';
import type { SaveState } from '../tools/storageState';
import { formatBytes } from './format';
import type { Lang } from './strings';

const zh = {
  tools: '规划工具',
  toolsOpen: '打开规划工具',
  toolsClose: '关闭规划工具',
  measure: '测量',
  measureLine: '量距离',
  measureArea: '量面积',
  measureHint: '在地图上依次点击；Backspace 撤销一点，Esc 结束。',
  distance: '距离',
  area: '面积',
  undoPoint: '撤销一点',
  clear: '清除',
  draw: '绘制与标注',
  drawPoint: '点',
  drawLine: '线',
  drawPolygon: '面',
  drawHint: '点击添加顶点，双击或回车完成；选中后可拖动顶点或整体移动。',
  finish: '完成',
  cancel: '取消',
  undo: '撤销',
  name: '名称',
  note: '备注',
  remove: '删除',
  noDrawings: '还没有绘制的图形。',
  untitled: '未命名',
  drawingsSaved: '绘制内容保存在本浏览器中，刷新后仍在。',
  importTitle: '导入数据',
  importHint:
    '拖放文件到地图上，或选择文件：GeoJSON、KML/KMZ、GPX、Shapefile（zip）、GeoPackage（.gpkg）、文件地理数据库（.gdb 文件夹压缩成 zip）、MapInfo（.tab 等压缩成 zip）、DXF、含经纬度或 X/Y 列的 CSV 与 Excel（.xlsx/.xls）；CGCS2000 高斯-克吕格等投影坐标、GBK 编码均可读取。',
  chooseFile: '选择文件',
  datumOfFile: '经纬度的基准',
  datumWgs: 'WGS-84（GPS、多数国际数据）',
  datumGcj: 'GCJ-02（国内地图）',
  datumBd: 'BD-09（百度地图上取的坐标，转换为 GCJ-02）',
  crsOfFile: '坐标系',
  crsAuto: '自动（按 .prj、crs 或经纬度）',
  encodingOfFile: '文字编码',
  encodingAuto: '自动（按文件声明或内容判断）',
  chooseCrs: '坐标是米制投影坐标，但文件没有说明坐标系',
  crsWhy: (sample: string) => `示例坐标：${sample}。请选择坐标系（按数值推测的排在前面）：`,
  crsLabel: '坐标系',
  crsLikely: '可能',
  chooseSheet: '工作簿有多张表，请选择含坐标的一张',
  chooseLayers: '文件里有多个图层，勾选要添加的（每个成为一个图层）',
  layerSummary: (n: number, geometry: string, crs: string) => `${n} 个要素 · ${geometry || '几何'}${crs ? ` · ${crs}` : ' · 无坐标系'}`,
  readLayer: (name: string) => `图层：${name}。`,
  sandiao: (fields: string) => `识别为三调地类图斑（${fields}），已按地类着色；可用“按地类统计面积”统计红线内各地类的亩数。`,
  loadingGdal: '正在加载 GDAL（首次使用下载约 40 MB，之后离线可用）…',
  sheetLabel: '工作表',
  encodingName: (e: string) =>
    ({ 'utf-8': 'UTF-8', gb18030: 'GBK / GB18030', big5: 'Big5', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' })[e] ?? e,
  encodingBasis: {
    bom: '文件开头的 BOM',
    declared: '文件声明',
    detected: '按内容判断',
    fallback: '不是 UTF-8，按 GBK 读取',
    chosen: '手动选择',
  } as Record<string, string>,
  readEncoding: (name: string, basis: string) => `文字编码：${name}（${basis}）。`,
  rereadAs: (name: string) => `改用 ${name} 重读`,
  readCrs: (name: string, chosen: boolean) => `坐标系：${name}${chosen ? '（手动选择）' : '（文件声明）'}，已转换为经纬度。`,
  crsApproximate: '没有基准转换参数，可能偏差数十米。',
  readSheet: (name: string) => `工作表：${name}。`,
  readBd09: '原为 BD-09 坐标，已转换为 GCJ-02。',
  reading: (p: number) => `读取中 ${p}%`,
  parsing: '解析中…',
  imported: (name: string, n: number, saved: SaveState) =>
    saved === 'saved'
      ? `已导入并保存“${name}”：${n} 个要素。`
      : saved === 'session'
        ? `已导入“${name}”：${n} 个要素（仅本次会话，刷新后不保留）。`
        : `已导入“${name}”：${n} 个要素，但未能保存（见提示）。`,
  importFailed: (name: string) => `无法导入“${name}”：`,
  changedInOtherTab: (names: string[]) => `“${names.join('”“')}”已在另一个标签页中修改，这里显示的是最后保存的版本。`,
  chooseColumns: '请选择经度和纬度列',
  droppedKeys: (keys: string[]) =>
    `已忽略属性名 ${keys.slice(0, 5).join('、')}${keys.length > 5 ? ` 等 ${keys.length} 个` : ''}（可能改变对象原型或过长）。`,
  filterField: '按字段筛选',
  filterAny: '任意字段',
  filterValue: '值',
  filterAll: '全部',
  filterMin: '最小',
  filterMax: '最大',
  filterShown: (n: number, total: number) => `地图上显示 ${n} / ${total} 个要素`,
  exportFiltered: '导出筛选结果',
  storageTitle: '本地保存',
  reloadWaitsForDrawing: '有一个图形正在绘制，请先完成或取消（Esc）',
  reloadWaitsForUnsaved: '有绘图或图层未能保存，请先按提示导出为文件',
  storageInsecure: '本站以 http 访问：离线使用、以及刷新后重新读取大于 100 MB 的瓦片文件，需要以 https（或 localhost）访问本站。',
  storageUsage: (used: string, free: string) => `本站在此浏览器中已存 ${used}，还可存约 ${free}。`,
  storagePersisted: '浏览器已同意长期保存：空间紧张时也不会自动清除。',
  storageNotPersisted: '浏览器未承诺长期保存：空间紧张时可能清除，重要的工作请导出为文件。',
  storageSession: '此浏览器无法在本地保存：绘图和导入的图层只保留到关闭或刷新页面。',
  lonColumn: '经度列',
  latColumn: '纬度列',
  importLayers: '导入的图层',
  zoomTo: '缩放至',
  table: '属性表',
  hideTable: '收起属性表',
  filterRows: '筛选行',
  features: (n: number) => `${n} 个要素`,
  analysis: '分析',
  rings: '邻近圈（公里）',
  ringsHint: '选中一个站点后，地图显示邻近圈，下面列出圈内站点。',
  withinKm: (km: string) => `${km} 公里内`,
  none: '无',
  toSeat: '距县城',
  toStation: (name: string) => `距${name}`,
  circles: '步行15分钟范围',
  circlesShow: '显示社区中心的步行圈（并集）',
  radius: '步行半径',
  radiusWhy: '按步行约4.5公里/小时，15分钟约1.1公里路程，折合直线约1公里；可调整。',
  coverage: (pct: string, what: string) => `${what}有 ${pct} 在步行圈内（圈心是社区中心的示意位置，半径为本图假设，结果只是示意）`,
  coverageOf: '覆盖率对象：选中的面状站点或绘制的面',
  walkCaveat: '步行圈：圈心是社区中心的示意位置，半径为本图假设',
  export: '导出',
  exportGeojson: '站点与数据 GeoJSON',
  exportCsvSites: '站点 CSV',
  exportCsvFigures: '数据 CSV',
  exportDrawings: '我的绘制 GeoJSON',
  importDrawings: '导入绘制',
  exportPng: '地图 PNG',
  print: '打印（A4 横向）',
  moveTitle: '用键盘移动',
  movePart: '移动对象',
  moveWhole: '整个图形',
  vertexN: (n: number) => `顶点 ${n}`,
  step: '步长',
  stepM: (m: number) => `${m} 米`,
  north: '向北',
  south: '向南',
  east: '向东',
  west: '向西',
  moveBy: (dir: string, m: number) => `${dir}移动 ${m} 米`,
  moveHint: '焦点在此处时，方向键按步长移动，Shift 加方向键移动十步；可撤销。',
  northArrow: '北',
  scale: '比例尺',
};

export type ToolStrings = typeof zh;

const en: ToolStrings = {
  tools: 'Planner tools',
  toolsOpen: 'Open the planner tools',
  toolsClose: 'Close the planner tools',
  measure: 'Measure',
  measureLine: 'Distance',
  measureArea: 'Area',
  measureHint: 'Click points on the map; Backspace removes the last, Esc stops.',
  distance: 'Distance',
  area: 'Area',
  undoPoint: 'Remove last point',
  clear: 'Clear',
  draw: 'Draw and annotate',
  drawPoint: 'Point',
  drawLine: 'Line',
  drawPolygon: 'Polygon',
  drawHint: 'Click to add vertices, double-click or Enter to finish; once selected, drag a vertex or the whole shape.',
  finish: 'Finish',
  cancel: 'Cancel',
  undo: 'Undo',
  name: 'Name',
  note: 'Note',
  remove: 'Delete',
  noDrawings: 'Nothing drawn yet.',
  untitled: 'Untitled',
  drawingsSaved: 'Drawings are kept in this browser and are still here after a reload.',
  importTitle: 'Import data',
  importHint:
    'Drop a file on the map, or choose one: GeoJSON, KML/KMZ, GPX, zipped Shapefile, GeoPackage (.gpkg), File Geodatabase (the .gdb folder zipped), MapInfo (.tab and its files zipped), DXF, CSV or Excel (.xlsx/.xls) with longitude/latitude or X/Y columns; CGCS2000 Gauss-Kruger and other projected coordinates and GBK text are read.',
  chooseFile: 'Choose a file',
  datumOfFile: 'Datum of longitude/latitude',
  datumWgs: 'WGS-84 (GPS, most international data)',
  datumGcj: 'GCJ-02 (Chinese maps)',
  datumBd: 'BD-09 (picked on Baidu maps; converted to GCJ-02)',
  crsOfFile: 'Coordinate system',
  crsAuto: 'Automatic (.prj, crs member, or degrees)',
  encodingOfFile: 'Text encoding',
  encodingAuto: 'Automatic (as the file says, or detected)',
  chooseCrs: 'The coordinates are projected metres, but the file names no coordinate system',
  crsWhy: (sample: string) => `Sample coordinate: ${sample}. Choose the system (the likely ones, guessed from the numbers, come first):`,
  crsLabel: 'Coordinate system',
  crsLikely: 'likely',
  chooseSheet: 'The workbook has several sheets: choose the one with coordinates',
  chooseLayers: 'The file holds several layers: check those to add (each becomes a layer)',
  layerSummary: (n: number, geometry: string, crs: string) =>
    `${n} feature${n === 1 ? '' : 's'} · ${geometry || 'geometry'}${crs ? ` · ${crs}` : ' · no coordinate system'}`,
  readLayer: (name: string) => `Layer: ${name}.`,
  sandiao: (fields: string) =>
    `Recognised as 三调 land-use parcels (${fields}), coloured by land class; “Area by land class” counts the mu of each class inside a red line.`,
  loadingGdal: 'Loading GDAL (about 40 MB the first time, offline afterwards)…',
  sheetLabel: 'Sheet',
  encodingName: (e: string) =>
    ({ 'utf-8': 'UTF-8', gb18030: 'GBK / GB18030', big5: 'Big5', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' })[e] ?? e,
  encodingBasis: {
    bom: 'byte-order mark',
    declared: 'declared by the file',
    detected: 'detected',
    fallback: 'not UTF-8, read as GBK',
    chosen: 'chosen',
  } as Record<string, string>,
  readEncoding: (name: string, basis: string) => `Text encoding: ${name} (${basis}).`,
  rereadAs: (name: string) => `Read again as ${name}`,
  readCrs: (name: string, chosen: boolean) =>
    `Coordinate system: ${name}${chosen ? ' (chosen)' : ' (from the file)'}, converted to longitude and latitude.`,
  crsApproximate: 'No datum-shift parameters: it may be off by tens of metres.',
  readSheet: (name: string) => `Sheet: ${name}.`,
  readBd09: 'BD-09 coordinates, converted to GCJ-02.',
  reading: (p: number) => `Reading ${p}%`,
  parsing: 'Parsing…',
  imported: (name: string, n: number, saved: SaveState) =>
    saved === 'saved'
      ? `Imported and saved "${name}": ${n} features.`
      : saved === 'session'
        ? `Imported "${name}": ${n} features (this session only: not kept after a reload).`
        : `Imported "${name}": ${n} features, but it could not be saved (see the notice).`,
  importFailed: (name: string) => `Could not import "${name}": `,
  changedInOtherTab: (names: string[]) => `“${names.join('”, “')}” was changed in another tab: shown here as saved last.`,
  chooseColumns: 'Choose the longitude and latitude columns',
  droppedKeys: (keys: string[]) =>
    `Property names left out: ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''} (they could change object prototypes, or are too long).`,
  filterField: 'Filter by field',
  filterAny: 'Any field',
  filterValue: 'Value',
  filterAll: 'All',
  filterMin: 'Min',
  filterMax: 'Max',
  filterShown: (n: number, total: number) => `${n} of ${total} features on the map`,
  exportFiltered: 'Export the filtered features',
  storageTitle: 'Saved in this browser',
  reloadWaitsForDrawing: 'a drawing is in progress: finish it or cancel it (Esc) first',
  reloadWaitsForUnsaved: 'some drawings or layers could not be saved: export them as files first, as the notice offers',
  storageInsecure:
    'This site is served over plain http: offline use, and reading a tile file over 100 MB again after a reload, need the site on https (or localhost).',
  storageUsage: (used: string, free: string) => `This site stores ${used} in this browser; about ${free} more fits.`,
  storagePersisted: 'The browser agreed to keep it: it is not cleared when space runs low.',
  storageNotPersisted: 'The browser has not promised to keep it: it may be cleared when space runs low, so export important work as files.',
  storageSession: 'This browser cannot save locally: drawings and imported layers last until the page is closed or reloaded.',
  lonColumn: 'Longitude column',
  latColumn: 'Latitude column',
  importLayers: 'Imported layers',
  zoomTo: 'Zoom to',
  table: 'Attribute table',
  hideTable: 'Hide the table',
  filterRows: 'Filter rows',
  features: (n: number) => `${n} features`,
  analysis: 'Analysis',
  rings: 'Proximity rings (km)',
  ringsHint: 'Select a site: the map shows rings around it and the sites inside each are listed here.',
  withinKm: (km: string) => `Within ${km} km`,
  none: 'none',
  toSeat: 'To the county seat',
  toStation: (name: string) => `To ${name}`,
  circles: '15-minute walk radius',
  circlesShow: 'Show the community centres’ walking circles (their union)',
  radius: 'Walking radius',
  radiusWhy: 'At about 4.5 km/h a quarter of an hour is about 1.1 km of street, roughly 1 km as the crow flies; adjustable.',
  coverage: (pct: string, what: string) =>
    `${pct} of ${what} is inside the circles (drawn around the community centres' schematic locations with the dashboard's assumed radius: indicative only)`,
  coverageOf: 'Coverage of: the selected polygon site, or a drawn polygon',
  walkCaveat: "Walk circles: around the centres' schematic points, with the dashboard's assumed radius",
  export: 'Export',
  exportGeojson: 'Sites and figures, GeoJSON',
  exportCsvSites: 'Sites, CSV',
  exportCsvFigures: 'Figures, CSV',
  exportDrawings: 'My drawings, GeoJSON',
  importDrawings: 'Import drawings',
  exportPng: 'Map as PNG',
  print: 'Print (A4 landscape)',
  moveTitle: 'Move with the keyboard',
  movePart: 'Move',
  moveWhole: 'the whole shape',
  vertexN: (n: number) => `vertex ${n}`,
  step: 'Step',
  stepM: (m: number) => `${m} m`,
  north: 'North',
  south: 'South',
  east: 'East',
  west: 'West',
  moveBy: (dir: string, m: number) => `Move ${dir.toLowerCase()} ${m} m`,
  moveHint: 'With the focus here, the arrow keys move it one step, Shift with an arrow ten steps; undo takes it back.',
  northArrow: 'N',
  scale: 'Scale',
};

export const TOOL_STRINGS: Record<Lang, ToolStrings> = { zh, en };

/** An import problem in words: what is wrong and where. */
export function importProblemText(p: ImportProblem, lang: Lang): string {
  const z = lang === 'zh';
  switch (p.code) {
    case 'too-large':
      // In bytes as well: "50.0 MB, over the 50.0 MB limit" would read as no reason at all.
      return z
        ? `文件 ${formatBytes(p.bytes, lang, true)}，超过上限 ${formatBytes(p.limit, lang, true)}。`
        : `the file is ${formatBytes(p.bytes, lang, true)}, over the limit of ${formatBytes(p.limit, lang, true)}.`;
    case 'unreadable':
      return z ? `文件无法读取：${p.detail}` : `the file cannot be read: ${p.detail}`;
    case 'empty-file':
      return z ? '文件是空的（0 字节）。' : 'the file is empty (0 bytes).';
    case 'bad-zip':
      return z ? `压缩包“${p.file}”损坏或无法读取：${p.detail}。` : `the zip "${p.file}" is broken or cannot be read: ${p.detail}.`;
    case 'zip-too-large': {
      const size = formatBytes(p.bytes, lang, true);
      const limit = formatBytes(p.limit, lang, true);
      if (p.entry === null)
        return z
          ? `压缩包“${p.file}”里要读取的文件解压后共 ${size}，超过上限 ${limit}；未解压。`
          : `the files to read in the zip "${p.file}" unpack to ${size} together, over the limit of ${limit}; nothing was unpacked.`;
      return p.inflated
        ? z
          ? `压缩包“${p.file}”里的“${p.entry}”解压后超过上限 ${limit}（压缩包目录写的大小不实）；已停止解压。`
          : `"${p.entry}" in the zip "${p.file}" unpacks past the limit of ${limit} (the zip's directory understates its size); unpacking was stopped.`
        : z
          ? `压缩包“${p.file}”里的“${p.entry}”解压后 ${size}，超过上限 ${limit}；未解压。`
          : `"${p.entry}" in the zip "${p.file}" unpacks to ${size}, over the limit of ${limit}; nothing was unpacked.`;
    }
    case 'zip-encrypted':
      return z
        ? `压缩包“${p.file}”里的“${p.entry}”有密码保护，无法读取。`
        : `"${p.entry}" in the zip "${p.file}" is password-protected and cannot be read.`;
    case 'too-deep':
      return z
        ? `第 ${p.feature + 1} 个要素的几何集合嵌套超过 ${p.limit} 层。`
        : `feature ${p.feature + 1} nests geometry collections more than ${p.limit} deep.`;
    case 'unknown-format':
      return z
        ? '不支持的文件类型（支持 .geojson .json .kml .gpx .zip .csv .xlsx .xls）。'
        : 'unsupported file type (use .geojson, .json, .kml, .gpx, .zip, .csv, .xlsx or .xls).';
    case 'not-what-it-claims':
      return z ? `文件内容不是 ${p.claimed}。` : `the file's content is not ${p.claimed}.`;
    case 'bad-json':
      return z ? `JSON 格式错误，第 ${p.line} 行第 ${p.column} 列。` : `broken JSON at line ${p.line}, column ${p.column}.`;
    case 'not-geojson':
      return z ? '这是 JSON，但不是 GeoJSON。' : 'this is JSON but not GeoJSON.';
    case 'bad-xml':
      return z ? `XML 格式错误：${p.detail}` : `broken XML: ${p.detail}`;
    case 'zip-no-shapefile':
      return z
        ? '压缩包里既没有 Shapefile（.shp），也没有文件地理数据库（.gdb 文件夹）。'
        : 'the zip holds neither a Shapefile (.shp) nor a File Geodatabase (.gdb folder).';
    case 'kmz-no-kml':
      return z ? `${p.file} 里没有 .kml 文件，不是 KMZ。` : `${p.file} holds no .kml file: not a KMZ.`;
    case 'gdal-unavailable':
      return z
        ? '单文件版不含 GDAL（约 40 MB），读不了 GeoPackage 和文件地理数据库：请用服务器上的版本，或先用 ogr2ogr 转成 Shapefile 或 GeoJSON。'
        : 'the one-file build carries no GDAL (about 40 MB), so it cannot read GeoPackage or File Geodatabase: use the served app, or convert with ogr2ogr to Shapefile or GeoJSON first.';
    case 'gdal-no-layers':
      return z ? `${p.file} 里没有带几何的图层（只有属性表）。` : `${p.file} holds no layer with geometry (only attribute tables).`;
    case 'gdal-no-layer':
      return z ? `${p.file} 里没有图层“${p.layer}”。` : `${p.file} has no layer “${p.layer}”.`;
    case 'gdal-failed':
      return z
        ? `GDAL 读不了 ${p.file}${p.layer ? ` 的图层“${p.layer}”` : ''}：${p.detail}`
        : `GDAL cannot read ${p.file}${p.layer ? `, layer “${p.layer}”` : ''}: ${p.detail}`;
    case 'bad-shapefile':
      return z ? `Shapefile 无法读取：${p.detail}` : `the Shapefile cannot be read: ${p.detail}`;
    case 'csv-no-coordinates':
      return z
        ? `${p.sheet ? `工作表“${p.sheet}”` : 'CSV '}没有经纬度列（列：${p.columns.join('、') || '无'}）。`
        : `${p.sheet ? `the sheet "${p.sheet}"` : 'the CSV'} has no longitude/latitude columns (columns: ${p.columns.join(', ') || 'none'}).`;
    case 'csv-bad-number':
      return z
        ? `${p.sheet ? `工作表“${p.sheet}”` : ''}第 ${p.line} 行“${p.column}”列的值“${p.value}”不是数字。`
        : `${p.sheet ? `sheet "${p.sheet}", row` : 'line'} ${p.line}: "${p.value}" in column "${p.column}" is not a number.`;
    case 'unknown-crs':
      return z
        ? `无法识别坐标系“${p.name}”（${p.where}）；可在“坐标系”中手动选择后重新导入。`
        : `the coordinate system "${p.name}" (${p.where}) is not one this importer knows; choose one under "Coordinate system" and import again.`;
    case 'unknown-encoding':
      return z
        ? `${p.where} 写的文字编码“${p.name}”无法识别；可在“文字编码”中选择后重新导入。`
        : `${p.where} names the text encoding "${p.name}", which is not known; choose one under "Text encoding" and import again.`;
    case 'excel-encrypted':
      return z ? `工作簿“${p.file}”有密码保护，无法读取。` : `the workbook "${p.file}" is password-protected and cannot be read.`;
    case 'excel-unreadable':
      return z ? `工作簿“${p.file}”损坏或无法读取：${p.detail}` : `the workbook "${p.file}" is broken or cannot be read: ${p.detail}`;
    case 'excel-no-sheet':
      return z ? `工作簿“${p.file}”里没有工作表“${p.sheet}”。` : `the workbook "${p.file}" has no sheet "${p.sheet}".`;
    case 'excel-merged-header':
      return z
        ? `工作表“${p.sheet}”的表头有合并单元格（${p.range}）；请取消合并，使每列有一个列名。`
        : `the header of the sheet "${p.sheet}" has merged cells (${p.range}); unmerge them so that each column has one name.`;
    case 'excel-formula':
      return z
        ? `工作表“${p.sheet}”单元格 ${p.cell} 是没有计算结果的公式；请在 Excel 中打开并保存后再导入（不会计算公式）。`
        : `cell ${p.cell} of the sheet "${p.sheet}" is a formula with no computed value; open and save it in Excel, then import again (formulas are not evaluated).`;
    case 'outside-earth':
      return z
        ? `第 ${p.feature + 1} 个要素的坐标 [${p.lon}, ${p.lat}] 超出地球范围${p.swapped ? '——经纬度可能写反了（应为 [经度, 纬度]）' : ''}。`
        : `feature ${p.feature + 1} has coordinates [${p.lon}, ${p.lat}] off the Earth${p.swapped ? ' — latitude and longitude look swapped ([lon, lat] expected)' : ''}.`;
    case 'invalid-geometry':
      return z ? `第 ${p.feature + 1} 个要素的几何无效：${p.detail}` : `feature ${p.feature + 1} has invalid geometry: ${p.detail}`;
    case 'empty':
      return z ? '文件里没有要素。' : 'the file has no features.';
    case 'too-many-features':
      return z ? `要素太多（${p.count}，上限 ${p.limit}）。` : `too many features (${p.count}; the limit is ${p.limit}).`;
  }
}
