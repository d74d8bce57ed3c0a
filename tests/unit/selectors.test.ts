import { describe, expect, it } from 'vitest';
import { COUNTY_SEAT, figures, groups, layers, sites } from '../../src/data/geodata';
import {
  anchorOf,
  connectionLines,
  countyFiguresBySection,
  figureScope,
  figuresOfSite,
  groupFiguresOfSite,
  growthRates,
  km,
  nearbySites,
  passesFilter,
  prospectFigures,
  relatedCountyFigures,
  searchSites,
  siteFeatures,
  siteLabelPoints,
  WALK_RADIUS_KM,
  walkingCircles,
} from '../../src/data/selectors';
import { targetForSite } from '../../src/map/camera';

const byId = (id: string) => {
  const s = sites.find((x) => x.properties.id === id);
  if (!s) throw new Error(id);
  return s;
};

describe('selectors', () => {
  it('gives a site its own figures, and county figures only as related', () => {
    expect(figuresOfSite(figures, 'yuanli-bar-line').map((f) => f.id)).toEqual([
      'yuanli-hall-length',
      'yuanli-hall-width',
      'yuanli-build-months',
      'yuanli-investment',
    ]);
    const related = relatedCountyFigures(figures, 'devzone-east');
    expect(related.map((f) => f.id)).toContain('industrial-land');
    expect(related.every((f) => f.scope === 'county')).toBe(true);
    expect(figuresOfSite(figures, 'devzone-east').map((f) => f.id)).not.toContain('industrial-land');
    expect(figuresOfSite(figures, 'chemical-park')).toEqual([]);
  });

  it('groups county figures by the article’s sections', () => {
    const people = countyFiguresBySection(figures, 'people', groups).map((f) => f.id);
    expect(people).toContain('graduates');
    expect(people).not.toContain('gdp');
    // 有望实现“十八连冠” is a prospect: listed apart, never among the results.
    expect(people).not.toContain('safety-streak');
    expect(prospectFigures(figures).map((f) => f.id)).toEqual(['safety-streak']);
    // A whole's figure is listed; the dashboard's own assumption is not a county result.
    const industry = countyFiguresBySection(figures, 'industry', groups).map((f) => f.id);
    expect(industry).toContain('devzone-total-area');
    expect(countyFiguresBySection(figures, 'green', groups).map((f) => f.id)).not.toContain('walk-radius');
  });

  it('shows a whole’s figure on each of its parts, not as one part’s own', () => {
    for (const block of ['devzone-east', 'devzone-west']) {
      const wholes = groupFiguresOfSite(figures, groups, block);
      expect(wholes.map((w) => w.group.id)).toEqual(['economic-development-zone']);
      expect(wholes[0]?.figures.map((f) => f.id)).toEqual(['devzone-total-area']);
      expect(figuresOfSite(figures, block).map((f) => f.id)).not.toContain('devzone-total-area');
    }
    const station = groupFiguresOfSite(figures, groups, 'suichang-west-station');
    expect(station[0]?.figures.map((f) => f.id).sort()).toEqual(['quli-line-length', 'quli-line-speed']);
    expect(figuresOfSite(figures, 'suichang-west-station')).toEqual([]);
    expect(groupFiguresOfSite(figures, groups, 'chemical-park')).toEqual([]);
  });

  it('names whose figure it is, for the tour’s tags', () => {
    const of = (id: string) => figureScope(figures.find((f) => f.id === id)!, sites, groups);
    expect(of('new-large-firms').kind).toBe('county');
    expect(of('devzone-total-area')).toMatchObject({ kind: 'group', group: { id: 'economic-development-zone' } });
    expect(of('enclave-returns')).toMatchObject({ kind: 'site', site: { properties: { id: 'enclave-nanhu' } } });
  });

  it('roles come from the data, not from layer names: circles, stations, far sites', () => {
    const renamed = sites.map((s) =>
      s.properties.layer === 'community' ? { ...s, properties: { ...s.properties, layer: 'centres' } } : s,
    );
    const renamedLayers = layers.map((l) => (l.id === 'community' ? { ...l, id: 'centres' } : l));
    expect(walkingCircles(renamed, renamedLayers).features).toHaveLength(5);
    expect(
      walkingCircles(
        sites,
        layers.map((l) => ({ ...l, walkingCircles: false })),
      ).features,
    ).toHaveLength(0);
    expect(
      sites
        .filter((s) => s.properties.station)
        .map((s) => s.properties.id)
        .sort(),
    ).toEqual(['suichang-station', 'suichang-west-station']);
    const far = siteLabelPoints(sites)
      .features.filter((f) => f.properties.far)
      .map((f) => f.properties.id);
    expect(far.sort()).toEqual(['enclave-nanhu', 'enclave-tongxiang']);
  });

  it('draws the walking circles with the radius the walk-radius record states', () => {
    expect(figures.find((f) => f.id === 'walk-radius')?.value).toBe(WALK_RADIUS_KM);
  });

  it('lists the growth rates the article gives, largest first', () => {
    const rates = growthRates(figures);
    expect(rates[0]).toMatchObject({ id: 'high-end-equipment-growth', value: 22.8 });
    expect(rates.map((r) => r.id)).toEqual(expect.arrayContaining(['gdp', 'budget-revenue', 'low-income-growth']));
    expect(rates.find((r) => r.id === 'gdp')?.value).toBe(5.9);
  });

  it('finds nearby sites by geodesic distance', () => {
    const near = nearbySites(sites, 'community-centre-1', 3);
    expect(near).toHaveLength(3);
    expect(near[0]?.km).toBeLessThan(near[2]?.km ?? 0);
    expect(near[0]?.km).toBeLessThan(2);
    // 1 km is about 0.009° of latitude.
    expect(km([119, 28], [119, 28.009])).toBeCloseTo(1, 1);
  });

  it('searches Chinese and English names', () => {
    expect(searchSites(sites, '飞地', 'zh').map((s) => s.properties.id)).toEqual(['enclave-tongxiang', 'enclave-nanhu']);
    expect(searchSites(sites, 'nanhu', 'en')[0]?.properties.id).toBe('enclave-nanhu');
    expect(searchSites(sites, '凯恩', 'en')[0]?.properties.id).toBe('kan-special-materials');
    expect(searchSites(sites, '   ', 'zh')).toEqual([]);
  });

  it('links each enclave to the county seat across about 250 km', () => {
    const links = connectionLines(sites, COUNTY_SEAT);
    expect(links.features.map((f) => f.properties.id).sort()).toEqual(['enclave-nanhu', 'enclave-tongxiang']);
    for (const f of links.features) {
      expect(f.properties.km).toBeGreaterThan(230);
      expect(f.properties.km).toBeLessThan(290);
      expect(f.geometry.coordinates[0]).toEqual(COUNTY_SEAT);
      expect(f.geometry.coordinates.at(-1)).toEqual(anchorOf(byId(f.properties.id)));
    }
  });

  it('flattens sites for the map and filters them', () => {
    const fc = siteFeatures(sites);
    expect(fc.features).toHaveLength(sites.length);
    expect(fc.features[0]?.properties).toEqual(expect.objectContaining({ id: expect.any(String), name_zh: expect.any(String) }));
    const filter = { visibleLayers: ['devzone'], statuses: ['building' as const], precisions: ['indicative' as const] };
    expect(sites.filter((s) => passesFilter(s, filter)).map((s) => s.properties.id)).toEqual(['zhengao-auto']);
    expect(layers.map((l) => l.id)).toEqual(['devzone', 'chempark', 'enclaves', 'rail', 'community', 'digital']);
  });

  it('sends the camera to both ends of an enclave link', () => {
    const t = targetForSite(byId('enclave-tongxiang'), COUNTY_SEAT);
    expect(t.type).toBe('fit');
    if (t.type !== 'fit') return;
    expect(t.bounds[0]).toBeLessThanOrEqual(COUNTY_SEAT[0]);
    expect(t.bounds[3]).toBeGreaterThan(30.5);
    const kan = byId('kan-special-materials');
    expect(targetForSite(kan, COUNTY_SEAT)).toEqual({ type: 'center', center: kan.geometry.coordinates, zoom: 13 });
  });
});
