/**
 * An OGC API Features collection (or a WFS 2.0 feature type) read as GeoJSON, page by page within the
 * county's bounds, up to a limit — past it the planner is told, not given a silent part. The features
 * then become an imported layer like a dropped file (attribute table, styling, export), through the
 * registered file openers.
 */
import type { FeatureCollection } from 'geojson';
import { HOME_BOUNDS } from '../map/camera';
import { FEATURE_LIMIT } from './featureLimit';
import { fetchService } from './fetchService';
import { ServiceError } from './problems';
import type { Collection } from './read';
import { rebase, withParams } from './urls';

const PAGE = 1000;

export async function readFeatures(
  c: Collection,
  onProgress: (n: number) => void,
  signal?: AbortSignal,
  limit = FEATURE_LIMIT,
): Promise<FeatureCollection> {
  const features: FeatureCollection['features'] = [];
  // A WFS request is whole as the collection gives it (its own bounding box and count).
  let url: string | undefined = c.wfs ? c.items : withParams(c.items, { f: 'json', limit: String(PAGE), bbox: HOME_BOUNDS.join(',') });
  const seen = new Set<string>();
  while (url && !seen.has(url)) {
    seen.add(url);
    const res = await fetchService(url, signal);
    const body = await res.text();
    let page: FeatureCollection & { numberMatched?: number; links?: { rel?: string; href?: string; type?: string }[] };
    try {
      page = JSON.parse(body);
    } catch {
      throw new ServiceError({ code: 'not-xml', detail: body.slice(0, 80) });
    }
    if (page.type !== 'FeatureCollection' || !Array.isArray(page.features))
      throw new ServiceError({ code: 'exception', text: body.slice(0, 200) });
    if (typeof page.numberMatched === 'number' && page.numberMatched > limit)
      throw new ServiceError({ code: 'too-many', limit, matched: page.numberMatched });
    features.push(...page.features);
    if (features.length > limit) throw new ServiceError({ code: 'too-many', limit });
    onProgress(features.length);
    const next = page.links?.find((l) => l.rel === 'next' && (!l.type || /json/.test(l.type)))?.href;
    url = next && page.features.length > 0 ? rebase(new URL(next, url).href, url).url : undefined;
  }
  return { type: 'FeatureCollection', features };
}
