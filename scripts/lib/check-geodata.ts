/**
 * The data check behind `npm run check:geodata`. Pure: it takes the text of each
 * file (keyed by its path under geodata/) and returns every problem it finds, each
 * naming the file, the feature (id or index), the field and what is wrong.
 */
import { area, booleanPointInPolygon, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { Figure, GlossaryEntry, Group, Layer, Meta, Section, SiteCollection, SiteFeature } from '../../src/data/schema.ts';
import { checkTour } from '../../src/data/tourCheck.ts';
import { checkGlossary, checkNumberParity, checkProseNumbers, checkRelativeDates, type TextPair } from './check-wording.ts';

export interface Problem {
  file: string;
  where: string;
  field: string;
  message: string;
}

export const formatProblem = (p: Problem) => `${p.file}: ${p.where}: ${p.field}: ${p.message}`;

/** Zhejiang's extent with a margin (lon/lat, degrees). */
export const ZHEJIANG_BOUNDS = { west: 118.0, south: 27.0, east: 123.3, north: 31.3 };
export const FOCUS_COUNTY = '遂昌县';

type Files = Record<string, string | undefined>;
type Area = Polygon | MultiPolygon;

/**
 * Where a JSON text first goes wrong, as "line L, column C: what". V8's own messages
 * do not always give a position, so the text is scanned again with jsonc-parser
 * (strict JSON: comments and trailing commas are errors too).
 */
export function jsonErrorPlace(text: string): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return 'unknown position';
  const before = text.slice(0, first.offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${printParseErrorCode(first.error)}`;
}

/** The article with line breaks, blanks and the section heading dropped into one sentence removed. */
export function normaliseArticle(text: string): string {
  return text.replace(/\s+/g, '').replace('累计完成投改革为舵开放新城开新局资', '累计完成投资');
}

class Collector {
  readonly problems: Problem[] = [];
  add(file: string, where: string, field: string, message: string) {
    this.problems.push({ file, where, field, message });
  }
  zod(file: string, where: string, error: z.ZodError, prefix = '') {
    for (const issue of error.issues) {
      const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
      this.add(file, where, field, issue.message);
    }
  }
}

function parseJson(c: Collector, files: Files, file: string): unknown {
  const text = files[file];
  if (text === undefined) {
    c.add(file, 'file', '(file)', 'missing');
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    c.add(file, 'file', '(json)', `not valid JSON at ${jsonErrorPlace(text)} (${(error as Error).message.split('\n')[0]?.slice(0, 80)})`);
    return undefined;
  }
}

function parseList<T>(c: Collector, files: Files, file: string, schema: z.ZodType<T>, label: string): T[] {
  const json = parseJson(c, files, file);
  if (json === undefined) return [];
  if (!Array.isArray(json)) {
    c.add(file, 'file', '(root)', 'expected an array');
    return [];
  }
  const out: T[] = [];
  json.forEach((item, i) => {
    const r = schema.safeParse(item);
    const id = (item as { id?: unknown })?.id;
    const where = `${label} ${typeof id === 'string' ? `"${id}"` : `#${i}`}`;
    if (r.success) out.push(r.data);
    else c.zod(file, where, r.error);
  });
  return out;
}

const signedArea = (ring: Position[]) => {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return s / 2;
};

const inBounds = (lon: number, lat: number) =>
  lon >= ZHEJIANG_BOUNDS.west && lon <= ZHEJIANG_BOUNDS.east && lat >= ZHEJIANG_BOUNDS.south && lat <= ZHEJIANG_BOUNDS.north;

/**
 * The most decimals a coordinate may have for how its place is known: a point known to a town is not
 * written to the metre. A shape keeps one more (its outline, not its place, needs it).
 */
export const MAX_DECIMALS = {
  official: { point: 6, shape: 6 },
  described: { point: 4, shape: 5 },
  indicative: { point: 3, shape: 4 },
} as const;
const PRECISION_METRES: Record<number, string> = { 3: 'about 100 m', 4: 'about 10 m', 5: 'about 1 m', 6: 'about 10 cm' };

/** The most decimals of any number in nested coordinates. */
export function maxDecimals(coords: unknown): number {
  if (typeof coords === 'number') {
    const s = String(coords);
    return s.includes('e') ? 20 : (s.split('.')[1]?.length ?? 0);
  }
  return Array.isArray(coords) ? Math.max(0, ...coords.map(maxDecimals)) : 0;
}

/** Places as Chinese numerals (第二), for the rankings' check. */
const ZH_PLACE: Record<number, string> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六', 7: '七', 8: '八', 9: '九', 10: '十' };

/** Checks positions, rings, winding and self-intersection; returns the positions to test against the host. */
function checkGeometry(c: Collector, file: string, where: string, geometry: z.infer<typeof SiteFeature>['geometry']): Position[] {
  const positions: Position[] = [];
  const checkPosition = (p: Position, field: string) => {
    const [lon, lat] = p as [number, number];
    if (!inBounds(lon, lat)) {
      const hint = inBounds(lat, lon) ? ' — latitude and longitude look swapped ([lon, lat] expected)' : '';
      c.add(file, where, field, `[${lon}, ${lat}] is outside Zhejiang${hint}`);
    } else positions.push(p);
  };
  const checkRings = (rings: Position[][], field: string) => {
    rings.forEach((ring, r) => {
      const f = `${field}[${r}]`;
      if (ring.length < 4) c.add(file, where, f, `a ring needs at least 4 positions, has ${ring.length}`);
      const first = ring[0];
      const last = ring.at(-1);
      if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
        c.add(file, where, f, 'ring is not closed (first and last positions differ)');
      ring.forEach((p, i) => {
        checkPosition(p, `${f}[${i}]`);
      });
      const s = signedArea(ring);
      if (r === 0 && s < 0) c.add(file, where, f, 'outer ring is clockwise; the right-hand rule wants counter-clockwise');
      if (r > 0 && s > 0) c.add(file, where, f, 'hole is counter-clockwise; the right-hand rule wants clockwise');
    });
  };
  switch (geometry.type) {
    case 'Point':
      checkPosition(geometry.coordinates, 'geometry.coordinates');
      break;
    case 'LineString':
      geometry.coordinates.forEach((p, i) => {
        checkPosition(p, `geometry.coordinates[${i}]`);
      });
      break;
    case 'Polygon':
      checkRings(geometry.coordinates, 'geometry.coordinates');
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((poly, i) => {
        checkRings(poly, `geometry.coordinates[${i}]`);
      });
      break;
  }
  if ((geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && c.problems.every((p) => p.where !== where)) {
    const k = kinks(geometry as Area);
    if (k.features.length > 0) {
      const at = k.features[0]?.geometry.coordinates ?? [];
      c.add(file, where, 'geometry.coordinates', `ring intersects itself (${k.features.length}×, first near [${at.join(', ')}])`);
    }
  }
  return positions;
}

/** The bilingual texts of one record, by field name, for the wording checks. */
function pairs(file: string, where: string, fields: Record<string, { zh: string; en: string } | undefined>): TextPair[] {
  // A text in one language only (a presenter's tour may leave one empty) has nothing to compare.
  return Object.entries(fields).flatMap(([field, text]) => (text?.zh && text.en ? [{ file, where, field, zh: text.zh, en: text.en }] : []));
}

/** The years a quote names: 2022年, and 去年 / 今年 relative to the article's year. */
export function yearsOfQuote(quote: string, articleYear: number): Set<number> {
  const years = new Set([...quote.matchAll(/(\d{4})年/g)].map((m) => Number(m[1])));
  if (quote.includes('去年')) years.add(articleYear - 1);
  if (quote.includes('今年')) years.add(articleYear);
  return years;
}

/** The clause (between Chinese commas, semicolons and full stops) that holds the value as written. */
export function clauseWith(quote: string, written: string): string {
  return quote.split(/[，；。！？……]/).find((part) => part.includes(written)) ?? '';
}

export interface CheckResult {
  problems: Problem[];
  counts: { layers: number; sites: number; figures: number; articleFigures: number };
}

export function checkGeodata(files: Files): CheckResult {
  const c = new Collector();

  const metaJson = parseJson(c, files, 'meta.json');
  const meta = metaJson === undefined ? undefined : Meta.safeParse(metaJson);
  if (meta && !meta.success) c.zod('meta.json', 'meta', meta.error);

  const sections = parseList(c, files, 'sections.json', Section, 'section');
  const layers = parseList(c, files, 'layers.json', Layer, 'layer');
  const layerIds = new Set(layers.map((l) => l.id));
  const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of dupes(layers.map((l) => l.id))) c.add('layers.json', `layer "${id}"`, 'id', 'duplicate id');

  // The basemap: hosts for the point-in-polygon checks.
  const counties = parseJson(c, files, 'basemap/counties.geojson') as { features?: Feature<Area, { name_zh: string }>[] } | undefined;
  const countyByName = new Map((counties?.features ?? []).map((f) => [f.properties.name_zh, f]));

  // Every bilingual text, for the glossary; the tour's, for numbers without a record.
  const texts: TextPair[] = [];
  for (const s of sections) texts.push(...pairs('sections.json', `section "${s.id}"`, { title: s.title, short: s.short }));
  for (const l of layers) texts.push(...pairs('layers.json', `layer "${l.id}"`, { name: l.name, description: l.description }));

  // Sites: one file per layer.
  const siteIds: string[] = [];
  let siteCount = 0;
  const siteFiles = Object.keys(files).filter((f) => /^sites\/[^/]+\.geojson$/.test(f));
  for (const file of siteFiles) {
    const layerOfFile = file.slice('sites/'.length, -'.geojson'.length);
    if (!layerIds.has(layerOfFile)) c.add(file, 'file', '(name)', `no layer "${layerOfFile}" in layers.json`);
    const json = parseJson(c, files, file);
    if (json === undefined) continue;
    const fc = SiteCollection.safeParse(json);
    if (!fc.success) {
      c.zod(file, 'file', fc.error);
      continue;
    }
    fc.data.features.forEach((raw, i) => {
      const rawId = (raw as { properties?: { id?: unknown } })?.properties?.id;
      const where = `feature ${typeof rawId === 'string' ? `"${rawId}"` : `#${i}`}`;
      const r = SiteFeature.safeParse(raw);
      if (!r.success) {
        c.zod(file, where, r.error);
        return;
      }
      siteCount++;
      const site = r.data;
      const p = site.properties;
      siteIds.push(p.id);
      if (site.id !== undefined && site.id !== p.id)
        c.add(file, where, 'id', `feature id "${site.id}" differs from properties.id "${p.id}"`);
      if (!layerIds.has(p.layer)) c.add(file, where, 'properties.layer', `unknown layer "${p.layer}"`);
      else if (p.layer !== layerOfFile) c.add(file, where, 'properties.layer', `"${p.layer}" but the file is ${file}`);
      const positions = checkGeometry(c, file, where, site.geometry);
      const digits = maxDecimals(site.geometry.coordinates);
      const allowed = MAX_DECIMALS[p.precision][site.geometry.type === 'Point' ? 'point' : 'shape'];
      if (digits > allowed)
        c.add(
          file,
          where,
          'geometry.coordinates',
          `${digits} decimals claim a precision the placement lacks: "${p.precision}" allows ${allowed} (${PRECISION_METRES[allowed]})`,
        );
      const hostName = p.host ?? FOCUS_COUNTY;
      const host = countyByName.get(hostName);
      if (!host) c.add(file, where, 'properties.host', `no county "${hostName}" in the basemap`);
      else {
        const outside = positions.find((pos) => !booleanPointInPolygon(pos, host));
        if (outside) c.add(file, where, 'geometry', `[${outside.join(', ')}] is not inside ${hostName}`);
      }
      if (p.precision === 'described' && !p.placedFrom)
        c.add(file, where, 'properties.placedFrom', 'a "described" geometry must say what it was placed from');
      if (p.placedFrom && !p.placedFrom.geometry && p.precision !== 'indicative')
        c.add(
          file,
          where,
          'properties.precision',
          `"${p.precision}", but it was placed from ${p.placedFrom.what.en}, which has no geometry: only "indicative" is honest`,
        );
      texts.push(
        ...pairs(file, where, {
          name: p.name,
          description: p.description,
          precisionNote: p.precisionNote,
          'placedFrom.what': p.placedFrom?.what,
          ...Object.fromEntries(p.sources.map((s, i) => [`sources[${i}].note`, s.note])),
        }),
      );
      if (p.areaKm2 !== undefined) {
        if (site.geometry.type !== 'Polygon' && site.geometry.type !== 'MultiPolygon') {
          c.add(file, where, 'properties.areaKm2', 'given for a geometry that is not a polygon');
        } else {
          const km2 = area(site.geometry as Area) / 1e6;
          if (Math.abs(km2 - p.areaKm2) / p.areaKm2 > 0.1) {
            c.add(file, where, 'geometry', `measures ${km2.toFixed(2)} km², more than 10 % from the published ${p.areaKm2} km²`);
          }
        }
      }
    });
  }
  for (const id of dupes(siteIds)) c.add('sites/', `feature "${id}"`, 'properties.id', 'duplicate id across the site files');

  // Groups: sites that form one whole.
  const knownSites = new Set(siteIds);
  const groups = parseList(c, files, 'groups.json', Group, 'group');
  const groupIds = new Set(groups.map((g) => g.id));
  for (const g of groups) {
    const where = `group "${g.id}"`;
    if (knownSites.has(g.id)) c.add('groups.json', where, 'id', 'is also a site id');
    for (const m of g.members) if (!knownSites.has(m)) c.add('groups.json', where, 'members', `no site "${m}"`);
    texts.push(...pairs('groups.json', where, { name: g.name }));
  }
  const groupsOf = (siteId: string) => groups.filter((g) => g.members.includes(siteId));

  // Figures.
  const figures = parseList(c, files, 'figures.json', Figure, 'figure');
  const sectionIds = new Set(sections.map((s) => s.id));
  const year = meta?.success ? meta.data.article.year : undefined;
  const article = files['source/article.txt'];
  if (article === undefined) c.add('source/article.txt', 'file', '(file)', 'missing: figures cannot be checked against the article');
  const normalised = article === undefined ? '' : normaliseArticle(article);
  for (const id of dupes(figures.map((f) => f.id))) c.add('figures.json', `figure "${id}"`, 'id', 'duplicate id');
  for (const f of figures) {
    const where = `figure "${f.id}"`;
    if (f.scope !== 'county' && !knownSites.has(f.scope) && !groupIds.has(f.scope))
      c.add('figures.json', where, 'scope', `no site "${f.scope}" (use "county", a site id or a group id)`);
    for (const g of groupsOf(f.scope)) {
      const term = [...g.terms, '总'].find((t) => f.label.zh.includes(t));
      if (term)
        c.add(
          'figures.json',
          where,
          'scope',
          `"${f.label.zh}" names ${term === '总' ? 'a total' : `"${term}"`}: it is the figure of ${g.name.en}, not of one of its parts; scope it to the group "${g.id}"`,
        );
    }
    texts.push(...pairs('figures.json', where, { label: f.label, unit: f.unit, note: f.note, periodInferred: f.periodInferred }));
    for (const r of f.related ?? []) if (!knownSites.has(r)) c.add('figures.json', where, 'related', `no site "${r}"`);
    if (sections.length > 0 && !sectionIds.has(f.section)) c.add('figures.json', where, 'section', `no section "${f.section}"`);
    if (f.ranks && f.origin !== 'article')
      c.add('figures.json', where, 'ranks', 'rankings are checked against a quote: only for figures from the article');
    if (f.origin === 'article') {
      if (!f.quote.includes(f.written)) c.add('figures.json', where, 'quote', `does not contain the value as written, "${f.written}"`);
      if (f.change && !f.quote.includes(f.change.written))
        c.add('figures.json', where, 'change', `quote does not contain "${f.change.written}"`);
      if (article !== undefined && !normalised.includes(f.quote.replace(/\s+/g, ''))) {
        c.add('figures.json', where, 'quote', 'is not a sentence of the article (source/article.txt)');
      }
      const y = /\d{4}/.exec(f.period)?.[0];
      if (y && year !== undefined && !f.periodInferred && !yearsOfQuote(f.quote, year).has(Number(y)))
        c.add(
          'figures.json',
          where,
          'period',
          `"${f.period}" is not in its quote (no ${y}年${Number(y) === year - 1 ? ', 去年' : Number(y) === year ? ', 今年' : ''}): set periodInferred to say why it was inferred`,
        );
      (f.ranks ?? []).forEach((r, i) => {
        const field = `ranks[${i}].written`;
        if (!f.quote.includes(r.written)) c.add('figures.json', where, field, `"${r.written}" is not in the quote`);
        else if (!r.written.includes(`第${ZH_PLACE[r.place] ?? r.place}`) && !r.written.includes(`第${r.place}`))
          c.add('figures.json', where, field, `"${r.written}" does not say place ${r.place} (第${ZH_PLACE[r.place] ?? r.place})`);
        if (!r.written.includes(r.among.zh)) c.add('figures.json', where, `ranks[${i}].among`, `"${r.among.zh}" is not in "${r.written}"`);
      });
      const clause = clauseWith(f.quote, f.written);
      if (/有望|预计/.test(clause) && f.kind !== 'prospect')
        c.add('figures.json', where, 'kind', `the quote expects it ("${clause}"), a prospect, not a result: set kind "prospect"`);
    }
  }

  // The tour: every stop's sites, figures, layers and section must exist.
  const prose: TextPair[] = [];
  if (files['tour.json'] !== undefined) {
    const json = parseJson(c, files, 'tour.json');
    if (json !== undefined) {
      const refs = { sites: knownSites, layers: layerIds, figures, sections: sections.length > 0 ? sectionIds : new Set<string>() };
      const { stops, problems } = checkTour(json, refs);
      for (const p of problems) c.add('tour.json', p.where, p.field, p.message);
      stops.forEach((stop, i) => {
        const own = pairs('tour.json', `stop ${i + 1} "${stop.id}"`, { title: stop.title, caption: stop.caption, notes: stop.notes });
        texts.push(...own);
        prose.push(...own);
      });
    }
  }

  // Wording: the glossary's one English rendering per term, and no number in the tour without a record.
  const glossary = parseList(c, files, 'glossary.json', GlossaryEntry, 'term');
  for (const p of checkGlossary(texts, glossary)) c.add(p.file, p.where, p.field, p.message);
  for (const p of checkProseNumbers(prose, figures, glossary)) c.add(p.file, p.where, p.field, p.message);
  // What visitors read as the map's own text (tour, site descriptions, layers): no relative dates, the same numbers in both languages.
  const read = texts.filter((t) => ['title', 'caption', 'notes', 'description', 'name'].includes(t.field));
  for (const p of checkRelativeDates(read)) c.add(p.file, p.where, p.field, p.message);
  for (const p of checkNumberParity(read)) c.add(p.file, p.where, p.field, p.message);

  return {
    problems: c.problems,
    counts: {
      layers: layers.length,
      sites: siteCount,
      figures: figures.length,
      articleFigures: figures.filter((f) => f.origin === 'article').length,
    },
  };
}
