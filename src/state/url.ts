/**
 * The map's URL state, one parse/serialise pair (tested both ways in tests/unit/url.test.ts).
 *   ?site=devzone-east&layers=devzone,enclaves&lang=en&view=119.2761,28.5921,9.5,0,0
 * Unknown ids and malformed values are dropped and reported, never thrown. Other features own their
 * own parameters with their own pair (the tour: src/tour/url.ts); src/app/urlSync.ts puts them together.
 */
import type { Lang } from '../i18n/strings';

export interface View {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface UrlState {
  site: string | null;
  layers: string[] | null; // null: all layers
  lang: Lang;
  view: View | null;
}

export type UrlProblem = { kind: 'unknownSite'; id: string } | { kind: 'unknownLayer'; id: string } | { kind: 'badParam'; name: string };

export interface Known {
  siteIds: ReadonlySet<string>;
  layerIds: readonly string[];
}

const ID = /^[a-z0-9-]{1,64}$/;

export function parseView(raw: string): View | null {
  const parts = raw.split(',');
  if (parts.length < 3 || parts.length > 5) return null;
  const nums = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (nums.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, zoom, bearing = 0, pitch = 0] = nums as [number, number, number, number?, number?];
  if (lng < -180 || lng > 180 || lat < -85 || lat > 85 || zoom < 0 || zoom > 22 || pitch < 0 || pitch > 85) return null;
  return { center: [lng, lat], zoom, bearing: (((((bearing ?? 0) + 180) % 360) + 360) % 360) - 180, pitch: pitch ?? 0 };
}

export function parseUrl(search: string | URLSearchParams, known: Known): { state: UrlState; problems: UrlProblem[] } {
  const params = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  const state: UrlState = { site: null, layers: null, lang: 'zh', view: null };

  const site = params.get('site');
  if (site !== null && site !== '') {
    if (ID.test(site) && known.siteIds.has(site)) state.site = site;
    else problems.push({ kind: 'unknownSite', id: site.slice(0, 64) });
  }

  const layers = params.get('layers');
  if (layers !== null) {
    // Empty entries (",,," or a trailing comma) are not ids: left out, not reported as unknown layers.
    const ids = layers.split(',').filter((id) => id !== '');
    const good: string[] = [];
    for (const id of ids) {
      if (known.layerIds.includes(id)) {
        if (!good.includes(id)) good.push(id);
      } else problems.push({ kind: 'unknownLayer', id: id.slice(0, 64) });
    }
    // "layers=" is a link to no layers; a list of nothing but unknown or empty ids would hide every layer: keep all instead.
    if (layers !== '' && ids.length === 0) problems.push({ kind: 'badParam', name: 'layers' });
    state.layers = layers !== '' && good.length === 0 ? null : good;
  }

  const lang = params.get('lang');
  if (lang !== null) {
    if (lang === 'zh' || lang === 'en') state.lang = lang;
    else problems.push({ kind: 'badParam', name: 'lang' });
  }

  const view = params.get('view');
  if (view !== null) {
    state.view = parseView(view);
    if (!state.view) problems.push({ kind: 'badParam', name: 'view' });
  }
  return { state, problems };
}

/** One notice per kind of problem: the unknown layers of a crafted link are one notice, not ten thousand. */
export type UrlNotice =
  | { kind: 'unknownSite'; id: string }
  | { kind: 'unknownLayers'; shown: string[]; total: number }
  | { kind: 'badParam'; name: string };

export const SHOWN_IDS = 3;

export function summariseProblems(problems: readonly UrlProblem[]): UrlNotice[] {
  const out: UrlNotice[] = [];
  const layers = [...new Set(problems.flatMap((p) => (p.kind === 'unknownLayer' ? [p.id] : [])))];
  for (const p of problems) {
    if (p.kind === 'unknownSite') out.push(p);
    if (p.kind === 'badParam' && !out.some((o) => o.kind === 'badParam' && o.name === p.name)) out.push(p);
  }
  if (layers.length > 0) out.push({ kind: 'unknownLayers', shown: layers.slice(0, SHOWN_IDS), total: layers.length });
  return out;
}

const fixed = (n: number, d: number) => String(Number(n.toFixed(d)));

export function serialiseView(v: View): string {
  const parts = [fixed(v.center[0], 5), fixed(v.center[1], 5), fixed(v.zoom, 2)];
  if (v.bearing !== 0 || v.pitch !== 0) parts.push(fixed(v.bearing, 1), fixed(v.pitch, 1));
  return parts.join(',');
}

/**
 * The query string for a state; defaults are left out so links stay short. `more` adds other
 * features' parameters after the map's (the tour's).
 */
export function serialiseUrl(state: UrlState, allLayerIds: readonly string[], ...more: ((params: URLSearchParams) => void)[]): string {
  const params = new URLSearchParams();
  if (state.site) params.set('site', state.site);
  if (state.layers && !(state.layers.length === allLayerIds.length && allLayerIds.every((id) => state.layers?.includes(id)))) {
    params.set('layers', allLayerIds.filter((id) => state.layers?.includes(id)).join(','));
  }
  if (state.lang !== 'zh') params.set('lang', state.lang);
  if (state.view) params.set('view', serialiseView(state.view));
  for (const add of more) add(params);
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}
