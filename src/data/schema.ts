/**
 * The one source of truth for geodata/: zod schemas for the data check
 * (scripts/check-geodata.ts) and, through z.infer, the app's types.
 * The app imports this file for types only (`import type`), so zod stays out of the bundle; the
 * plain lists live in enums.ts. A test checks the built page carries no zod.
 */
import { z } from 'zod';
import { PRECISIONS, SECTION_IDS, STATUSES, SYMBOLS } from './enums';

export type { Precision, Status } from './enums';
export { PRECISIONS, SECTION_IDS, STATUSES, SYMBOLS };

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by "-"');
export const Localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const SectionId = z.enum(SECTION_IDS);
export const Section = z.strictObject({ id: SectionId, n: z.number().int().min(0).max(5), title: Localized, short: Localized });

export const Layer = z.strictObject({
  id: slug,
  order: z.number().int(),
  section: SectionId,
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour like #0072B2'),
  symbol: z.enum(SYMBOLS),
  name: Localized,
  description: Localized,
  /** Its sites get the 15-minute walking circles (analysis tools, tour stops with `circles`). */
  walkingCircles: z.boolean().optional(),
});

export const Source = z.strictObject({
  where: z.string().min(1),
  date: z.string().optional(),
  note: Localized.optional(),
});

export const SiteProperties = z.strictObject({
  id: slug,
  layer: slug,
  name: Localized,
  description: Localized,
  status: z.enum(STATUSES),
  precision: z.enum(PRECISIONS),
  precisionNote: Localized,
  sources: z.array(Source).min(1),
  /** Published area in km², checked against the drawn polygon (within 10 %). */
  areaKm2: z.number().positive().optional(),
  /** Enclaves: drawn with a connection line to the county seat. */
  connectsTo: z.literal('county-seat').optional(),
  /** A railway station: the analysis gives each site's distance to it. */
  station: z.boolean().optional(),
  /** The basemap county (name_zh) the site must lie in; 遂昌县 when absent. */
  host: z.string().optional(),
  /**
   * What the geometry was placed from, and whether that source had geometry of its own (road or
   * river lines, a surveyed outline). `described` needs it; a source without geometry allows only
   * `indicative`: a shape drawn to a text description is a sketch, whatever the text says.
   */
  placedFrom: z.strictObject({ what: Localized, geometry: z.boolean() }).optional(),
});

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
export const SiteGeometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: Position }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)).min(1) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position)).min(1)).min(1) }),
  z.strictObject({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
]);

export const SiteFeature = z.strictObject({
  type: z.literal('Feature'),
  id: z.string().optional(),
  properties: SiteProperties,
  geometry: SiteGeometry,
});
export const SiteCollection = z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

const FigureBase = {
  id: slug,
  section: SectionId,
  /**
   * 'county' for county-wide figures, the id of the site the source attributes it to, or the id of
   * a group (groups.json) for a figure of a whole, such as the zone's total area or a line's length.
   */
  scope: z.string().min(1),
  label: Localized,
  /** A single value, or a range such as 一两万 = [1, 2]. */
  value: z.union([z.number(), z.tuple([z.number(), z.number()])]),
  /** The value as the source writes it; the quote must contain it. */
  written: z.string().min(1),
  unit: Localized,
  period: z.string().min(1),
  /** Set when the period is not in the source sentence: why it was inferred (shown with the period). */
  periodInferred: Localized.optional(),
  change: z.strictObject({ value: z.number(), unit: z.literal('%'), written: z.string().min(1) }).optional(),
  note: Localized.optional(),
  /** Sites the figure concerns without being theirs: shown there under 全县 · county-wide. */
  related: z.array(z.string()).optional(),
  /**
   * Rankings the source gives (增速全市第二): among whom, the place, whether of the value or of its growth,
   * and the words as written (the data check finds them in the quote, with the place in them).
   */
  ranks: z
    .array(
      z.strictObject({
        among: Localized,
        place: z.number().int().min(1).max(99),
        of: z.enum(['value', 'growth']),
        written: z.string().min(1),
      }),
    )
    .optional(),
  /** 'prospect': the source expects it (有望, 预计); shown apart from results, never as a key figure. */
  kind: z.enum(['rate', 'share', 'prospect']).optional(),
};
export const Figure = z.discriminatedUnion('origin', [
  z.strictObject({ ...FigureBase, origin: z.literal('article'), quote: z.string().min(1) }),
  z.strictObject({ ...FigureBase, origin: z.literal('external'), source: Source }),
  /** The dashboard's own measure or assumption (a distance measured on the map, a walking radius). */
  z.strictObject({ ...FigureBase, origin: z.literal('dashboard'), method: Localized }),
]);

/** Sites that form one whole (the zone's two blocks, a railway line and its station). */
export const Group = z.strictObject({
  id: slug,
  name: Localized,
  members: z.array(slug).min(1),
  /** Words that name the whole in a figure's label (经济开发区, 铁路): such a figure is not one member's. */
  terms: z.array(z.string().min(1)).min(1),
});

/** The English used for the article's policy names, one rendering each, everywhere (glossary.json). */
export const GlossaryEntry = z.strictObject({
  /** The Chinese forms; a text containing one must carry `en` in its English. */
  zh: z.array(z.string().min(1)).min(1),
  en: z.string().min(1),
  /** What the term means, for readers and translators. */
  meaning: z.string().min(1),
  /** Renderings that must not be used (earlier mistakes). */
  avoid: z.array(z.string().min(1)).optional(),
  /** A name that holds a number (山区26县): its digits are not a figure. */
  name: z.boolean().optional(),
});

export const Meta = z.strictObject({
  title: Localized,
  datum: z.enum(['GCJ-02', 'WGS-84']),
  datumNote: Localized,
  article: z.strictObject({
    file: z.string(),
    title: z.string(),
    authors: z.string(),
    year: z.number().int(),
    defaultPeriod: z.string(),
  }),
});

/** A tour's text: Chinese, English or both (the app shows the other language, marked, where one is empty). */
const TourText = z
  .strictObject({ zh: z.string(), en: z.string() })
  .refine((t) => t.zh.trim() !== '' || t.en.trim() !== '', 'needs Chinese or English');
/** Speaker notes may be empty in both languages. */
const TourNotes = z.strictObject({ zh: z.string(), en: z.string() });

const Lnglat = z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]);

/** A service's address in a tour: http(s) or a path of the site (its proxy), and never a key. */
const ServiceAddress = z
  .string()
  .max(2000)
  .refine((u) => /^(https?:\/\/|\/)/.test(u), 'must be an http(s) URL or a path of this site')
  .refine((u) => !/[?&](tk|key|token|access_token|apikey)=/i.test(u), 'holds a key: a tour never carries one');
const ShortText = z.string().max(500);
/** A map service as a tour stop shows it (src/services/model.ts ServiceDef): what to draw, never a key. */
const TourServiceDef = z.strictObject({
  type: z.enum(['xyz', 'wmts', 'wms', 'arcgis', 'tianditu']),
  title: z.string().max(200),
  template: ServiceAddress,
  subdomains: z.array(z.string().max(20)).max(10).optional(),
  grid: z.union([
    z.strictObject({ kind: z.literal('webmercator'), ids: z.record(z.string(), z.string().max(100)).optional() }),
    z.strictObject({
      kind: z.literal('geographic'),
      crs: ShortText,
      matrices: z
        .array(
          z.strictObject({
            id: z.string().max(100),
            res: z.number().positive(),
            left: z.number(),
            top: z.number(),
            tileWidth: z.number().int().positive().max(4096),
            tileHeight: z.number().int().positive().max(4096),
            matrixWidth: z.number().int().positive(),
            matrixHeight: z.number().int().positive(),
          }),
        )
        .min(1)
        .max(32),
    }),
  ]),
  tileSize: z.number().int().positive().max(1024),
  minzoom: z.number().min(0).max(24),
  maxzoom: z.number().min(0).max(24),
  datum: z.enum(['WGS-84', 'GCJ-02']),
  attribution: ShortText,
  secret: z.literal('tianditu').optional(),
  from: z.strictObject({
    url: ServiceAddress,
    layer: ShortText.optional(),
    style: ShortText.optional(),
    matrixSet: ShortText.optional(),
    format: ShortText.optional(),
    version: ShortText.optional(),
  }),
  abstract: z.string().max(2000).optional(),
  vintage: ShortText.optional(),
  rebased: z.boolean().optional(),
});
/** A map service a stop shows: as an overlay (with its opacity) or as the basemap. */
export const TourService = z.strictObject({
  role: z.enum(['overlay', 'basemap']),
  opacity: z.number().min(0).max(1).optional(),
  service: TourServiceDef,
});

export const TourStop = z.strictObject({
  id: slug,
  section: SectionId,
  title: TourText,
  caption: TourText,
  notes: TourNotes,
  camera: z.strictObject({
    center: Lnglat,
    zoom: z.number().min(0).max(22),
    bearing: z.number().min(-180).max(180),
    pitch: z.number().min(0).max(85),
  }),
  /** Fit these bounds (west, south, east, north) instead of centre and zoom, e.g. both ends of a 250 km link. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  layers: z.array(z.string()),
  highlight: z.array(z.string()),
  /** Two to four key figures, shown large with their source. */
  figures: z.array(z.string()).min(1).max(4),
  /** Draw the community centres' 15-minute walking circles. */
  circles: z.boolean().optional(),
  /** Map services shown at this stop (the office's imagery, Tianditu): their address, never a key. */
  services: z.array(TourService).max(4).optional(),
  /** 3D terrain at this stop, where the deployment has terrain data (`npm run terrain:extract`); the camera's pitch tilts it. */
  terrain: z.strictObject({ exaggeration: z.number().min(1).max(3) }).optional(),
});

export type LocalizedText = z.infer<typeof Localized>;
export type SectionDef = z.infer<typeof Section>;
export type LayerDef = z.infer<typeof Layer>;
export type SourceRef = z.infer<typeof Source>;
export type SiteProps = z.infer<typeof SiteProperties>;
export type SiteGeom = z.infer<typeof SiteGeometry>;
export type FigureDef = z.infer<typeof Figure>;
export type MetaDef = z.infer<typeof Meta>;
export type TourStopDef = z.infer<typeof TourStop>;
export type TourServiceRef = z.infer<typeof TourService>;
export type GroupDef = z.infer<typeof Group>;
export type GlossaryEntryDef = z.infer<typeof GlossaryEntry>;
export interface SiteDef {
  type: 'Feature';
  id?: string;
  properties: SiteProps;
  geometry: SiteGeom;
}
