/** Interface text of tiled layers (PMTiles), in Chinese and English. */
import { formatBytes } from '../i18n/format';
import type { Lang } from '../i18n/strings';
import type { TilesProblem } from './archive';

const zh = {
  title: '大数据图层与影像（PMTiles）',
  hint: '几十万个地块或建筑用 PMTiles 矢量瓦片：先用 npm run tiles 生成，再拖入地图或在此选择；也可填写网址（需支持 Range 请求）。正射影像等图片瓦片可作底图，或叠加在地图上。',
  chooseFile: '选择 .pmtiles 文件',
  urlLabel: '瓦片网址',
  addUrl: '添加',
  opening: (name: string) => `正在打开“${name}”…`,
  added: (name: string) => `已添加瓦片图层“${name}”。`,
  rasterBasemap: (name: string, format: string, datum: string) =>
    `“${name}”是 ${format} 图片瓦片，已作为底图打开（${datum}），站点已换算到同一坐标系；可在“瓦片图层”中改为叠加在地图上。`,
  rasterOverlay: (name: string, format: string, datum: string) =>
    `“${name}”是 ${format} 图片瓦片（${datum}），已叠加在当前底图上；可在“瓦片图层”中改为底图。`,
  imageFailed: (name: string, why: string) => `图片瓦片“${name}”读取出错，已停止绘制：${why}`,
  imageTiles: (format: string) => `${format} 图片瓦片`,
  asBasemap: '用作底图',
  asOverlay: '叠加在地图上',
  isBasemap: '当前作为底图（可在图层面板的底图中切换）。',
  imageShifted: (tiles: string, map: string) => `图片坐标为 ${tiles}，已在浏览器中平移到当前底图的 ${map}。`,
  refused: (name: string, why: string) => `未添加“${name}”：${why}`,
  layers: '瓦片图层',
  zoomTo: '缩放至',
  remove: '移除',
  zooms: (min: number, max: number) => `缩放级别 ${min}–${max}`,
  fromFile: (size: string) => `本地文件 · ${size}`,
  fromUrl: '网址',
  fromConfig: '随本站发布',
  saved: '已保存，刷新后仍在',
  savedHandle: '已记住文件位置，刷新后需允许读取',
  sessionOnly: (why: string) => `仅本次会话：${why}`,
  tooBigToKeep: (size: string) => `文件 ${size}，太大，未存入浏览器；浏览器也未提供文件位置`,
  notKept: '浏览器存储不可用',
  missing: (name: string) => `“${name}”未能保留：刷新前拖入的文件没有存入浏览器。请重新选择该文件。`,
  needsPermission: (name: string) => `“${name}”：浏览器需要您再次允许读取该文件。`,
  reopen: '允许读取',
  chooseAgain: '重新选择文件',
  offlineNote: '本地文件离线可用；网址上的瓦片只在联网时可用（浏览器不缓存 Range 请求）。',
  datumNote: (tiles: string, map: string) =>
    `瓦片坐标为 ${tiles}，当前底图为 ${map}：浏览器中无法转换瓦片，位置会偏移约数百米（生成时用 npm run tiles 的 --datum 说明输入的基准）。`,
  featureTitle: '要素属性',
  close: '关闭',
  layerOf: (layer: string, source: string) => `${source} · ${layer}`,
  noAttributes: '该要素没有属性。',
};

type TileStrings = typeof zh;

const en: TileStrings = {
  title: 'Large layers and imagery (PMTiles)',
  hint: 'Hundreds of thousands of parcels or buildings as PMTiles vector tiles: make them with npm run tiles, then drop the file on the map or choose it here; or give a URL (the server must answer Range requests). Image tiles such as an orthophoto can be the basemap or lie over the map.',
  chooseFile: 'Choose a .pmtiles file',
  urlLabel: 'Tiles URL',
  addUrl: 'Add',
  opening: (name) => `Opening “${name}”…`,
  added: (name) => `Added the tiled layer “${name}”.`,
  rasterBasemap: (name, format, datum) =>
    `“${name}” holds ${format} image tiles: opened as a basemap (${datum}), with the sites converted to its datum; under “Tiled layers” it can lie over the map instead.`,
  rasterOverlay: (name, format, datum) =>
    `“${name}” holds ${format} image tiles (${datum}): laid over the current basemap; under “Tiled layers” it can become the basemap instead.`,
  imageFailed: (name, why) => `The image tiles “${name}” could not be read and are no longer drawn: ${why}`,
  imageTiles: (format) => `${format} image tiles`,
  asBasemap: 'Use as basemap',
  asOverlay: 'Lay over the map',
  isBasemap: 'Now the basemap (switch basemaps in the layer panel).',
  imageShifted: (tiles, map) => `The pictures are in ${tiles}: shifted in the browser onto the basemap's ${map}.`,
  refused: (name, why) => `“${name}” was not added: ${why}`,
  layers: 'Tiled layers',
  zoomTo: 'Zoom to',
  remove: 'Remove',
  zooms: (min, max) => `zooms ${min}–${max}`,
  fromFile: (size) => `local file · ${size}`,
  fromUrl: 'URL',
  fromConfig: 'published with this site',
  saved: 'Saved: still here after a reload',
  savedHandle: 'The file’s place is kept: after a reload, allow reading it again',
  sessionOnly: (why) => `This session only: ${why}`,
  tooBigToKeep: (size) => `the file is ${size}, too large to store in the browser, and the browser gave no handle to it`,
  notKept: 'browser storage is unavailable',
  missing: (name) =>
    `“${name}” could not be kept: the file dropped before the reload was not stored in the browser. Choose the file again.`,
  needsPermission: (name) => `“${name}”: the browser needs your permission to read the file again.`,
  reopen: 'Allow reading',
  chooseAgain: 'Choose the file again',
  offlineNote: 'A local file works offline; tiles from a URL only while online (browsers do not cache Range requests).',
  datumNote: (tiles, map) =>
    `The tiles are in ${tiles} and the basemap now shown is ${map}: tiles cannot be converted in the browser, so they sit a few hundred metres off (npm run tiles takes the input's datum with --datum).`,
  featureTitle: 'Feature attributes',
  close: 'Close',
  layerOf: (layer, source) => `${source} · ${layer}`,
  noAttributes: 'This feature has no attributes.',
};

export const TILE_STRINGS: Record<Lang, TileStrings> = { zh, en };

/** What is wrong with an archive or its server, in words. */
export function tilesProblemText(p: TilesProblem, lang: Lang): string {
  const z = lang === 'zh';
  switch (p.code) {
    case 'not-pmtiles':
      return z ? '这不是 PMTiles 文件（开头不是“PMTiles”）。' : 'this is not a PMTiles file (it does not start with “PMTiles”).';
    case 'mbtiles':
      return z
        ? '这是 MBTiles（SQLite 瓦片库），浏览器不能按需读取。请先转换为 PMTiles，瓦片原样保留：pmtiles convert 文件.mbtiles 文件.pmtiles（Protomaps 的 pmtiles 命令行工具，单个程序，离线可用），再拖入地图。'
        : 'this is an MBTiles file (an SQLite tile store), which a browser cannot read piece by piece. Convert it to PMTiles first, tiles unchanged: pmtiles convert file.mbtiles file.pmtiles (Protomaps’ pmtiles command-line tool, one program, works offline), then drop it on the map.';
    case 'old-version':
      return z
        ? `这是第 ${p.version} 版 PMTiles；本图读取第 3 版。请用 pmtiles convert 转换，或用 npm run tiles 重新生成。`
        : `this is a version ${p.version} PMTiles archive; this map reads version 3. Convert it with pmtiles convert, or make it again with npm run tiles.`;
    case 'newer-version':
      return z
        ? `这是第 ${p.version} 版 PMTiles，比本图能读的第 3 版新。`
        : `this is a version ${p.version} PMTiles archive, newer than the version 3 this map reads.`;
    case 'truncated':
      return z
        ? `文件不完整：只有 ${formatBytes(p.size, lang, true)}，目录指向 ${formatBytes(p.needs, lang, true)}（下载或复制被中断？）。`
        : `the file is incomplete: ${formatBytes(p.size, lang, true)}, while its directory points to ${formatBytes(p.needs, lang, true)} (an interrupted download or copy?).`;
    case 'raster':
      return z
        ? `这是 ${p.format} 栅格瓦片，属于底图而不是数据图层；请在 basemaps.json 中配置为在线底图。`
        : `these are ${p.format} raster tiles: a basemap, not a data layer; configure them as an online basemap in basemaps.json.`;
    case 'unknown-type':
      return z ? `瓦片类型 ${p.type} 不是矢量瓦片（MVT）。` : `tile type ${p.type} is not vector tiles (MVT).`;
    case 'no-tiles':
      return z ? '文件里没有瓦片。' : 'the archive holds no tiles.';
    case 'outside-china': {
      const b = p.bounds.map((v) => v.toFixed(2)).join(', ');
      return z
        ? `范围 [${b}] 不在中国境内：坐标可能未转换为经纬度，或经纬度颠倒。`
        : `its bounds [${b}] lie outside China: the coordinates may not be longitude/latitude, or are swapped.`;
    }
    case 'no-ranges':
      return z
        ? `服务器对 Range 请求返回了整个文件（HTTP ${p.status}），不支持按字节读取；请换用支持 Range 的服务器或对象存储。`
        : `the server answered a Range request with the whole file (HTTP ${p.status}): it does not serve byte ranges. Use a server or object store that does.`;
    case 'encoded':
      return z
        ? `服务器以 Content-Encoding: ${p.encoding} 压缩了文件，字节范围因此错位；请对 .pmtiles 关闭压缩（瓦片本身已压缩）。`
        : `the server compresses the file on the way (Content-Encoding: ${p.encoding}), so byte ranges do not match; turn compression off for .pmtiles (the tiles are compressed already).`;
    case 'http':
      return z ? `服务器返回 HTTP ${p.status}。` : `the server answered HTTP ${p.status}.`;
    case 'unreachable':
      return z
        ? `无法读取（离线、服务器未允许跨域 CORS，或不在本页的安全策略 connect-src 中）：${p.detail}`
        : `it cannot be read (offline, the server does not allow CORS, or its origin is not in this page's connect-src policy): ${p.detail}`;
    case 'not-url':
      return z ? `“${p.value}”不是 http(s) 网址。` : `“${p.value}” is not an http(s) URL.`;
    case 'unreadable':
      return z ? `无法读取：${p.detail}` : `it cannot be read: ${p.detail}`;
  }
}
