/** Interface text of map services, in Chinese and English. */
import type { Lang } from '../i18n/strings';
import type { ServiceProblem } from './problems';

const zh = {
  title: '地图服务',
  hint: '添加单位已有的地图服务：天地图、WMTS、WMS、ArcGIS、XYZ 瓦片、OGC API 要素或 WFS；PMTiles 网址作为大数据图层添加。仅在联网时可用，不含在离线副本中。',
  addService: '添加地图服务',
  kind: '类型',
  kinds: {
    auto: '自动识别',
    wmts: 'WMTS（能力文档网址）',
    wms: 'WMS（能力文档网址）',
    xyz: 'XYZ / TMS 瓦片模板',
    arcgis: 'ArcGIS REST（MapServer / ImageServer）',
    features: 'OGC API 要素 / WFS',
    tianditu: '天地图',
  },
  url: '服务网址',
  read: '读取',
  reading: '正在读取…',
  layer: '图层',
  style: '样式',
  matrixSet: '瓦片矩阵集',
  format: '格式',
  role: '用作',
  overlay: '叠加图层',
  basemap: '底图',
  datum: '坐标基准',
  datumWgs: 'WGS-84 / CGCS2000（天地图、多数政务服务）',
  datumGcj: 'GCJ-02（高德、腾讯等互联网地图）',
  add: '添加',
  adding: '正在试取一张瓦片…',
  cancel: '取消',
  token: '天地图密钥（tk）',
  tokenHint: '密钥只保存在本浏览器中，不会写入链接、导出文件、导览或图片。',
  tokenSaved: '已保存密钥',
  forget: '删除密钥',
  tiandituKind: '图种',
  tianditu: { vec: '矢量', img: '影像', ter: '地形' },
  labels: '叠加注记',
  grid: '瓦片网格',
  gridW: '球面墨卡托（_w）',
  gridC: '经纬度（_c，在浏览器中重投影）',
  tiandituServer: '服务地址（天地图的地址，或经代理时本站的路径，如 /services/tianditu）',
  list: '已添加的服务',
  remove: '移除',
  moveUp: '上移（画在更上层）',
  moveDown: '下移（画在更下层）',
  retry: '重试',
  details: '详情',
  from: '来源',
  drawn: '绘制方式',
  drawnDirect: '按原样绘制（球面墨卡托）',
  drawnBbox: '按每张瓦片的范围请求（GetMap）',
  drawnGeographic: (crs: string) => `经纬度网格（${crs}），在浏览器中逐行重投影为球面墨卡托`,
  drawnShifted: (from: string, to: string) => `由 ${from} 平移到地图的 ${to}（每张瓦片按中心偏移）`,
  datumOf: (d: string, map: string, converted: boolean) =>
    converted ? `${d}；地图上的站点等已转换到 ${map} 与之对齐` : `${d}；地图为 ${map}`,
  attribution: '版权',
  vintage: '数据时间',
  onlineOnly: '仅联网时可用：不在离线副本中。',
  rebased: '能力文档中的地址无法从本页访问，已改用读取文档的地址（代理）。',
  added: (name: string) => `已添加地图服务“${name}”。`,
  refused: (name: string, why: string) => `未添加“${name}”：${why}`,
  failed: (name: string, why: string) => `地图服务“${name}”出错，已停止绘制：${why}`,
  notKept: (why: string) => `地图服务未能保存到浏览器：${why}`,
  features: {
    collection: '要素集合',
    load: '读取要素',
    limit: (n: number) => `最多读取 ${n.toLocaleString('zh-CN')} 个要素（县域范围内）。`,
    loading: (n: number) => `已读取 ${n.toLocaleString('zh-CN')} 个要素…`,
  },
  bad: (what: string) => `无法识别：${what}`,
};

type Strings = typeof zh;

const en: Strings = {
  title: 'Map services',
  hint: 'Add the map services the office already runs: Tianditu, WMTS, WMS, ArcGIS, XYZ tiles, OGC API Features or WFS; a PMTiles URL becomes a tiled layer. Online only: not in the offline copy.',
  addService: 'Add a map service',
  kind: 'Type',
  kinds: {
    auto: 'Detect',
    wmts: 'WMTS (capabilities URL)',
    wms: 'WMS (capabilities URL)',
    xyz: 'XYZ / TMS tile template',
    arcgis: 'ArcGIS REST (MapServer / ImageServer)',
    features: 'OGC API Features / WFS',
    tianditu: 'Tianditu',
  },
  url: 'Service URL',
  read: 'Read',
  reading: 'Reading…',
  layer: 'Layer',
  style: 'Style',
  matrixSet: 'Tile matrix set',
  format: 'Format',
  role: 'Use as',
  overlay: 'Overlay',
  basemap: 'Basemap',
  datum: 'Datum',
  datumWgs: 'WGS-84 / CGCS2000 (Tianditu, most government services)',
  datumGcj: 'GCJ-02 (AutoNavi, Tencent and other web maps)',
  add: 'Add',
  adding: 'Trying one tile…',
  cancel: 'Cancel',
  token: 'Tianditu key (tk)',
  tokenHint: 'The key is kept only in this browser: never in a link, an export, a tour or a picture.',
  tokenSaved: 'Key saved',
  forget: 'Forget the key',
  tiandituKind: 'Map',
  tianditu: { vec: 'Vector', img: 'Imagery', ter: 'Terrain' },
  labels: 'With labels',
  grid: 'Tile grid',
  gridW: 'Web Mercator (_w)',
  gridC: 'Geographic (_c, reprojected in the browser)',
  tiandituServer: "Server (Tianditu's address, or this site's path through a proxy, such as /services/tianditu)",
  list: 'Services added',
  remove: 'Remove',
  moveUp: 'Move up (drawn above)',
  moveDown: 'Move down (drawn below)',
  retry: 'Retry',
  details: 'Details',
  from: 'Source',
  drawn: 'Drawn',
  drawnDirect: 'as served (Web Mercator)',
  drawnBbox: "requested for each tile's extent (GetMap)",
  drawnGeographic: (crs: string) => `geographic grid (${crs}), reprojected to Web Mercator row by row in the browser`,
  drawnShifted: (from: string, to: string) => `shifted from ${from} to the map's ${to} (per tile, at its centre)`,
  datumOf: (d: string, map: string, converted: boolean) =>
    converted ? `${d}; the sites and other overlays were converted to ${map} to match it` : `${d}; the map is in ${map}`,
  attribution: 'Attribution',
  vintage: 'Vintage',
  onlineOnly: 'Online only: not in the offline copy.',
  rebased:
    'The addresses in the capabilities cannot be reached from this page: the address the document was read from (a proxy) is used instead.',
  added: (name: string) => `Added the map service “${name}”.`,
  refused: (name: string, why: string) => `“${name}” was not added: ${why}`,
  failed: (name: string, why: string) => `The map service “${name}” failed and is no longer drawn: ${why}`,
  notKept: (why: string) => `The map service could not be kept in the browser: ${why}`,
  features: {
    collection: 'Collection',
    load: 'Read the features',
    limit: (n: number) => `At most ${n.toLocaleString('en')} features (within the county) are read.`,
    loading: (n: number) => `${n.toLocaleString('en')} features read…`,
  },
  bad: (what: string) => `Not recognised: ${what}`,
};

export const SERVICE_STRINGS: Record<Lang, Strings> = { zh, en };

export function serviceProblemText(p: ServiceProblem, lang: Lang): string {
  const z = lang === 'zh';
  switch (p.code) {
    case 'bad-url':
      return z ? `“${p.url}”不是网址。` : `“${p.url}” is not a URL.`;
    case 'mixed':
      return z
        ? `本页通过 https 打开，浏览器不允许读取 http 服务（${p.url}）：请使用该服务的 https 地址，或经本站代理（见部署说明）。`
        : `this page is on https, and the browser blocks an http service (${p.url}): use the service's https address, or the site's proxy (see the deployment notes).`;
    case 'unreachable':
      return p.policy
        ? z
          ? `本站的安全策略不允许连接 ${p.origin}：请经本站代理访问该服务，或在构建时将其加入 VITE_SERVICE_ORIGINS。`
          : `this site's security policy does not allow ${p.origin}: reach the service through the site's proxy, or add it to VITE_SERVICE_ORIGINS at build time.`
        : z
          ? `无法读取 ${p.origin} 的回应：服务可能未开启跨域（CORS），或无法访问。请经本站代理访问（见部署说明）。`
          : `no answer from ${p.origin} that this page may read: the service may not send CORS headers, or is down. Reach it through the site's proxy (see the deployment notes).`;
    case 'timeout':
      return z ? `服务在 ${p.seconds} 秒内没有回应。` : `the service did not answer within ${p.seconds} s.`;
    case 'http':
      return z ? `服务回应 HTTP ${p.status}。` : `the service answered HTTP ${p.status}.`;
    case 'auth':
      return z
        ? `服务拒绝访问（HTTP ${p.status}）：密钥错误、已过期、未绑定本网站的域名，或需要登录${p.detail ? `（服务说：${p.detail}）` : ''}。`
        : `the service refused access (HTTP ${p.status}): the key is wrong, expired or not bound to this site's domain, or a login is needed${p.detail ? ` (the service says: ${p.detail})` : ''}.`;
    case 'html':
      return z
        ? `服务返回的是网页${p.title ? `“${p.title}”` : ''}（登录页或错误页？），不是地图服务的回应。`
        : `the service answered with a web page${p.title ? ` “${p.title}”` : ''} (a login or error page?), not a map service's answer.`;
    case 'not-xml':
      return z ? `回应不是能力文档（XML）：${p.detail}` : `the answer is not a capabilities document (XML): ${p.detail}`;
    case 'unknown-document':
      return z ? `这是 <${p.root}> 文档，不是 WMTS 或 WMS 能力文档。` : `this is a <${p.root}> document, not WMTS or WMS capabilities.`;
    case 'exception':
      return z ? `服务报告错误：${p.text}` : `the service reported an error: ${p.text}`;
    case 'version':
      return z ? `不支持的版本：${p.version}。` : `unsupported version: ${p.version}.`;
    case 'no-layers':
      return z ? '能力文档中没有可用的图层。' : 'the capabilities list no layer.';
    case 'grids':
      return z
        ? `该图层只提供本图无法绘制的瓦片矩阵集：${p.sets.join('、')}（可绘制球面墨卡托或经纬度网格）。`
        : `the layer offers only tile matrix sets this map cannot draw: ${p.sets.join(', ')} (Web Mercator or geographic grids can be drawn).`;
    case 'crs':
      return z
        ? `该图层不提供 EPSG:3857、EPSG:4490 或 EPSG:4326：${p.crs.join('、')}。`
        : `the layer offers none of EPSG:3857, EPSG:4490 or EPSG:4326: ${p.crs.join(', ')}.`;
    case 'not-image':
      return z ? `瓦片不是图片（${p.type}）。` : `the tile is not an image (${p.type}).`;
    case 'empty-image':
      return z ? '瓦片是空的（0 字节）。' : 'the tile is empty (0 bytes).';
    case 'unknown-type':
      return z
        ? '无法识别这个网址的服务类型：请选择类型，或填写能力文档网址（含 REQUEST=GetCapabilities）。'
        : 'the service type at this URL was not recognised: choose the type, or give the capabilities URL (with REQUEST=GetCapabilities).';
    case 'too-many':
      return z
        ? `要素太多${p.matched ? `（${p.matched.toLocaleString('zh-CN')} 个）` : ''}：最多读取 ${p.limit.toLocaleString('zh-CN')} 个。请在服务端筛选，或导出为文件后导入。`
        : `too many features${p.matched ? ` (${p.matched.toLocaleString('en')})` : ''}: at most ${p.limit.toLocaleString('en')} are read. Filter on the server, or export a file and import it.`;
    case 'no-geojson':
      return z
        ? `该 WFS 不提供 GeoJSON 输出（只有：${p.formats.join('、')}）：请在服务端开启 GeoJSON，或改用 OGC API 要素服务。`
        : `this WFS offers no GeoJSON output (only: ${p.formats.join(', ')}): enable GeoJSON on the server, or use its OGC API Features.`;
    case 'style':
      return z
        ? '这是 MapLibre 样式：它带有自己的字体和图标，请在 basemaps.json 中配置为矢量底图（见部署说明）。'
        : 'this is a MapLibre style: it brings its own fonts and icons; configure it in basemaps.json as a vector basemap (see the deployment notes).';
    case 'no-token':
      return z ? '需要天地图密钥（tk）：请在“地图服务”中填写。' : 'a Tianditu key (tk) is needed: enter it under “Map services”.';
  }
}
