/**
 * Typed access to geodata/ for the app. The files are validated by
 * `npm run check:geodata` before every build and test, so here they are only typed.
 * Site layers are small (a few kB) and bundled; the basemap polygons are a separate
 * file that MapLibre fetches in its worker.
 */
import type { FeatureCollection, Point } from 'geojson';
import countiesUrl from '../../geodata/basemap/counties.geojson?url';
import labelsJson from '../../geodata/basemap/labels.geojson';
import figuresJson from '../../geodata/figures.json';
import groupsJson from '../../geodata/groups.json';
import layersJson from '../../geodata/layers.json';
import metaJson from '../../geodata/meta.json';
import sectionsJson from '../../geodata/sections.json';
import type { FigureDef, GroupDef, LayerDef, MetaDef, SectionDef, SiteDef } from './schema';

const siteModules = import.meta.glob<FeatureCollection>('../../geodata/sites/*.geojson', { eager: true, import: 'default' });

export const meta = metaJson as MetaDef;
export const sections = sectionsJson as SectionDef[];
export const layers = (layersJson as LayerDef[]).slice().sort((a, b) => a.order - b.order);
export const figures = figuresJson as FigureDef[];
/** Sites that form one whole; a figure of the whole is scoped to the group. */
export const groups = groupsJson as GroupDef[];
export const sites: SiteDef[] = Object.values(siteModules)
  .flatMap((fc) => fc.features as unknown as SiteDef[])
  .sort((a, b) => {
    const la = layers.findIndex((l) => l.id === a.properties.layer);
    const lb = layers.findIndex((l) => l.id === b.properties.layer);
    return la - lb;
  });

/** The sites' ids in the map's order (by layer): the order a stop's highlights are kept in. */
export const SITE_IDS: readonly string[] = sites.map((s) => s.properties.id);
const siteIndex = new Map(sites.map((s) => [s.properties.id, s]));
/** A site by id (undefined for an unknown one, e.g. from an old link). */
export const siteById = (id: string | null | undefined): SiteDef | undefined => (id ? siteIndex.get(id) : undefined);

export interface CountyLabelProps {
  kind: 'county' | 'seat';
  name_zh: string;
  name_en: string;
  role: string;
}
export const countyLabels = labelsJson as FeatureCollection<Point, CountyLabelProps>;
export const countiesFileUrl: string = countiesUrl;

const seat = countyLabels.features.find((f) => f.properties.kind === 'seat');
/** 遂昌县城, the county seat: the home end of the enclaves' connection lines and of distances. */
export const COUNTY_SEAT = (seat?.geometry.coordinates ?? [119.276103, 28.592148]) as [number, number];
