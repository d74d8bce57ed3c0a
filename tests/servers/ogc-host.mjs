/**
 * A real map server on loopback for the end-to-end tests: Debian's MapServer (`mapserv`, WMS 1.3.0 and
 * OGC API Features) over the Shapefile in tests/fixtures/services/, and Debian's MapCache in front of it
 * serving the same layer as a WMTS in two tile matrix sets (GoogleMapsCompatible, and WGS84 — geographic,
 * 2×1 tiles at level 0, the shape of Tianditu's `_c` grids). Both are CGI programs: this host runs them
 * per request and sends their answer on. Paths:
 *   /ms?…            MapServer (map=TEST), /ms/TEST/ogcapi/… its OGC API Features
 *   /mapcache/…      MapCache (/mapcache/wmts?SERVICE=WMTS&REQUEST=GetCapabilities)
 *   /nocors/…        the same without CORS headers (a government server as it usually is)
 *   /tianditu/…      a stand-in for Tianditu's WMTS: tiles for the token "test-token-ok", else a 403
 *   /html            a login page where a capabilities document was expected
 * Layers: `parcels` (three polygons, tests/fixtures/services/parcels.*) and `imagery` (a synthetic
 * imagery-like raster, the bench's tiles).
 * Usage: node tests/servers/ogc-host.mjs [port] (default 4180). Needs cgi-mapserver and mapcache-cgi.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.argv[2] ?? process.env.OGC_PORT ?? 4180);
const HOST = '127.0.0.1';
const ORIGIN = `http://${HOST}:${PORT}`;
const MAPSERV = '/usr/bin/mapserv';
const MAPCACHE = '/usr/lib/cgi-bin/mapcache';
export const GOOD_TOKEN = 'test-token-ok';

const here = dirname(fileURLToPath(import.meta.url));
const data = resolve(here, '../fixtures/services');
for (const [what, path, pkg] of [
  ['MapServer', MAPSERV, 'cgi-mapserver mapserver-bin'],
  ['MapCache', MAPCACHE, 'mapcache-cgi'],
]) {
  if (!existsSync(path)) {
    console.error(`ogc-host: ${what} is not installed (${path}): apt-get install -y ${pkg}`);
    process.exit(1);
  }
}

const dir = join(tmpdir(), `suichang-ogc-${PORT}`);
// MapCache's tiles from a run before (made from older fixtures, perhaps) never answer for this one.
rmSync(join(dir, 'cache'), { recursive: true, force: true });
mkdirSync(join(dir, 'cache'), { recursive: true });
const mapfile = join(dir, 'test.map');
writeFileSync(join(dir, 'ms.conf'), `CONFIG\n  ENV\n    MS_MAP_PATTERN "^${dir}/.*"\n  END\n  MAPS\n    TEST "${mapfile}"\n  END\nEND\n`);
writeFileSync(
  mapfile,
  `MAP
  NAME "TEST"
  EXTENT 119.0 28.3 119.6 28.9
  SIZE 256 256
  SHAPEPATH "${data}"
  IMAGETYPE "png"
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "ows_title" "遂昌测试地块服务"
      "ows_abstract" "Test parcels served by MapServer for the end-to-end tests"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "ows_srs" "EPSG:4326 EPSG:3857 EPSG:4490 CRS:84"
      "ows_onlineresource" "${ORIGIN}/ms?map=TEST&"
      "oga_onlineresource" "${ORIGIN}/ms/TEST/ogcapi"
      "wms_attribution_title" "遂昌县测试数据"
    END
  END
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGBA
    EXTENSION "png"
    TRANSPARENT ON
  END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
    FORMATOPTION "LCO:RFC7946=YES"
  END
  LAYER
    NAME "imagery"
    TYPE RASTER
    STATUS ON
    DATA "imagery.tif"
    PROJECTION "init=epsg:4326" END
    METADATA
      "ows_title" "测试影像（合成）"
      "ows_abstract" "合成的类影像栅格，仅用于测试 · a synthetic imagery-like raster, for tests only"
      "ows_enable_request" "*"
      "wms_srs" "EPSG:4326 EPSG:3857 EPSG:4490"
    END
  END
  LAYER
    NAME "parcels"
    TYPE POLYGON
    STATUS ON
    DATA "parcels"
    ENCODING "UTF-8"
    PROJECTION "init=epsg:4326" END
    TEMPLATE "void"
    METADATA
      "ows_title" "测试地块"
      "ows_abstract" "三个测试地块 · three test parcels"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "wfs_getfeature_formatlist" "geojson"
      "wms_srs" "EPSG:4326 EPSG:3857 EPSG:4490"
    END
    CLASS
      NAME "地块"
      STYLE
        COLOR 230 0 126
      END
    END
  END
END
`,
);
writeFileSync(
  join(dir, 'mapcache.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>
<mapcache>
  <source name="parcels" type="wms">
    <getmap><params><FORMAT>image/png</FORMAT><LAYERS>parcels</LAYERS><TRANSPARENT>true</TRANSPARENT></params></getmap>
    <http><url>${ORIGIN}/ms?map=TEST&amp;</url></http>
  </source>
  <source name="imagery" type="wms">
    <getmap><params><FORMAT>image/jpeg</FORMAT><LAYERS>imagery</LAYERS></params></getmap>
    <http><url>${ORIGIN}/ms?map=TEST&amp;</url></http>
  </source>
  <cache name="disk" type="disk"><base>${dir}/cache</base></cache>
  <format name="PNGT" type="PNG"><compression>fast</compression></format>
  <format name="JPEGQ" type="JPEG"><quality>85</quality></format>
  <tileset name="parcels">
    <metadata><title>测试地块 (MapCache)</title><abstract>parcels through MapCache</abstract></metadata>
    <source>parcels</source>
    <cache>disk</cache>
    <grid>GoogleMapsCompatible</grid>
    <grid>WGS84</grid>
    <format>PNGT</format>
    <metatile>1 1</metatile>
    <metabuffer>0</metabuffer>
  </tileset>
  <tileset name="imagery">
    <metadata><title>测试影像（合成，MapCache）</title><abstract>the synthetic imagery through MapCache</abstract></metadata>
    <source>imagery</source>
    <cache>disk</cache>
    <grid>GoogleMapsCompatible</grid>
    <grid>WGS84</grid>
    <format>JPEGQ</format>
    <metatile>1 1</metatile>
    <metabuffer>0</metabuffer>
  </tileset>
  <service type="wmts" enabled="true"/>
  <service type="tms" enabled="true"/>
  <default_format>PNGT</default_format>
  <errors>report</errors>
  <lock_dir>${dir}</lock_dir>
</mapcache>
`,
);

/** Runs a CGI program and returns its status, headers and body. */
function cgi(program, env) {
  return new Promise((done, fail) => {
    const child = spawn(program, [], {
      env: {
        PATH: process.env.PATH,
        MAPSERVER_CONFIG_FILE: join(dir, 'ms.conf'),
        MAPCACHE_CONFIG_FILE: join(dir, 'mapcache.xml'),
        GATEWAY_INTERFACE: 'CGI/1.1',
        REQUEST_METHOD: 'GET',
        SERVER_NAME: HOST,
        SERVER_PORT: String(PORT),
        SERVER_PROTOCOL: 'HTTP/1.1',
        HTTP_HOST: `${HOST}:${PORT}`,
        ...env,
      },
    });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', () => {});
    child.on('error', fail);
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      let split = out.indexOf('\r\n\r\n');
      let sep = 4;
      const lf = out.indexOf('\n\n');
      if (split < 0 || (lf >= 0 && lf < split)) {
        split = lf;
        sep = 2;
      }
      if (split < 0) return done({ status: 502, headers: { 'content-type': 'text/plain' }, body: out });
      const headers = {};
      let status = 200;
      for (const line of out.subarray(0, split).toString('latin1').split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const name = line.slice(0, i).trim().toLowerCase();
        const value = line.slice(i + 1).trim();
        if (name === 'status') status = Number.parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      done({ status, headers, body: out.subarray(split + sep) });
    });
  });
}

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>统一身份认证</title></head><body><form><input name="user"></form></body></html>';

async function answer(req, res) {
  const url = new URL(req.url ?? '/', ORIGIN);
  let path = url.pathname;
  let cors = true;
  if (path.startsWith('/nocors/')) {
    cors = false;
    path = path.slice('/nocors'.length);
  }
  const send = (status, headers, body) => {
    res.writeHead(status, { ...headers, ...(cors ? { 'access-control-allow-origin': '*' } : {}), 'cache-control': 'no-store' });
    res.end(body);
  };
  const query = url.search.slice(1);
  if (path === '/html') return send(200, { 'content-type': 'text/html; charset=utf-8' }, LOGIN_PAGE);
  if (path === '/ms' || path.startsWith('/ms/')) {
    const r = await cgi(MAPSERV, { QUERY_STRING: query, SCRIPT_NAME: '/ms', PATH_INFO: path.slice(3) });
    return send(r.status, r.headers, r.body);
  }
  if (path.startsWith('/mapcache')) {
    const r = await cgi(MAPCACHE, { QUERY_STRING: query, SCRIPT_NAME: '/mapcache', PATH_INFO: path.slice('/mapcache'.length) || '/' });
    return send(r.status, r.headers, r.body);
  }
  if (path.startsWith('/tianditu/')) {
    // Tianditu's WMTS KVP request (…/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&…&tk=…), answered from MapCache.
    const p = url.searchParams;
    const tk = p.get('tk') ?? p.get('TK');
    if (tk !== GOOD_TOKEN)
      return send(403, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ code: 403, msg: '权限验证失败：非法 key' }));
    const geographic = /_c\//.test(path);
    const grid = geographic ? 'WGS84' : 'GoogleMapsCompatible';
    const get = (k) => p.get(k) ?? p.get(k.toLowerCase()) ?? '';
    // Tianditu's _c level n is 2^n × 2^(n-1) tiles: MapCache's WGS84 level n-1.
    const matrix = geographic ? String(Number(get('TILEMATRIX')) - 1) : get('TILEMATRIX');
    const r = await cgi(MAPCACHE, {
      QUERY_STRING: `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=parcels&STYLE=default&FORMAT=image/png&TILEMATRIXSET=${grid}&TILEMATRIX=${matrix}&TILEROW=${get('TILEROW')}&TILECOL=${get('TILECOL')}`,
      SCRIPT_NAME: '/mapcache',
      PATH_INFO: '/wmts',
    });
    return send(r.status, r.headers, r.body);
  }
  send(404, { 'content-type': 'text/plain' }, 'not found');
}

createServer((req, res) => {
  answer(req, res).catch((e) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(e));
  });
}).listen(PORT, HOST, () => console.log(`ogc-host on ${ORIGIN} (configs in ${dir})`));
