import { describe, expect, it } from 'vitest';
import { parseUrl, parseView, serialiseUrl, summariseProblems, type UrlState } from '../../src/state/url';
import { parseTourParams, serialiseTourParams } from '../../src/tour/url';

const known = { siteIds: new Set(['devzone-east', 'enclave-nanhu']), layerIds: ['devzone', 'chempark', 'enclaves'] };
const TOUR_LENGTH = 11;
/** A link as the app reads it: the map's parameters and the tour's, one list of problems. */
function parseAll(search: string) {
  const params = new URLSearchParams(search);
  const map = parseUrl(params, known);
  const tour = parseTourParams(params, TOUR_LENGTH, map.problems);
  return { state: { ...map.state, ...tour }, problems: map.problems };
}
const all = known.layerIds;

describe('URL state', () => {
  it('round-trips a full state', () => {
    const state: UrlState = {
      site: 'enclave-nanhu',
      layers: ['devzone', 'enclaves'],
      lang: 'en',
      view: { center: [119.27612, 28.59215], zoom: 9.5, bearing: 20, pitch: 30 },
    };
    const qs = serialiseUrl(state, all);
    expect(qs).toBe('?site=enclave-nanhu&layers=devzone,enclaves&lang=en&view=119.27612,28.59215,9.5,20,30');
    expect(parseUrl(qs, known)).toEqual({ state, problems: [] });
  });

  it('leaves defaults out', () => {
    expect(serialiseUrl({ site: null, layers: all, lang: 'zh', view: null }, all)).toBe('');
    expect(parseUrl('', known).state).toEqual({ site: null, layers: null, lang: 'zh', view: null });
  });

  it('keeps an empty layer list (every layer hidden)', () => {
    const qs = serialiseUrl({ site: null, layers: [], lang: 'zh', view: null }, all);
    expect(qs).toBe('?layers=');
    expect(parseUrl(qs, known).state.layers).toEqual([]);
  });

  it('drops unknown ids and malformed values, and reports each', () => {
    const { state, problems } = parseUrl('?site=nowhere&layers=devzone,bogus&lang=fr&view=abc', known);
    expect(state).toEqual({ site: null, layers: ['devzone'], lang: 'zh', view: null });
    expect(problems).toEqual([
      { kind: 'unknownSite', id: 'nowhere' },
      { kind: 'unknownLayer', id: 'bogus' },
      { kind: 'badParam', name: 'lang' },
      { kind: 'badParam', name: 'view' },
    ]);
  });

  it('summarises a crafted link: one notice for ten thousand unknown layers, none for empty entries', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `x${i}`).join(',');
    const { state, problems } = parseUrl(`?layers=${many}`, known);
    expect(state.layers).toBeNull();
    expect(summariseProblems(problems)).toEqual([{ kind: 'unknownLayers', shown: ['x0', 'x1', 'x2'], total: 10_000 }]);
    const empty = parseUrl('?layers=,,,', known);
    expect(empty.state.layers).toBeNull();
    expect(summariseProblems(empty.problems)).toEqual([{ kind: 'badParam', name: 'layers' }]);
    const trailing = parseUrl('?layers=devzone,', known);
    expect(trailing.state.layers).toEqual(['devzone']);
    expect(trailing.problems).toEqual([]);
    // Each repeated kind once.
    const twice = parseAll('?layers=a,a,b&kiosk=1&dwell=x&idle=y');
    expect(summariseProblems(twice.problems)).toEqual([
      { kind: 'badParam', name: 'dwell' },
      { kind: 'badParam', name: 'idle' },
      { kind: 'unknownLayers', shown: ['a', 'b'], total: 2 },
    ]);
  });

  it('treats hostile input as data', () => {
    const { state, problems } = parseUrl(`?site=${encodeURIComponent('<img src=x onerror=alert(1)>')}&layers=__proto__`, known);
    expect(state.site).toBeNull();
    expect(state.layers).toBeNull(); // only unknown ids: keep every layer
    expect(problems.map((p) => p.kind)).toEqual(['unknownSite', 'unknownLayer']);
  });

  it('reads the tour stop and kiosk settings (the tour’s own pair, after the map’s parameters)', () => {
    expect(parseAll('?tour=5')).toEqual({ state: expect.objectContaining({ tour: 5, kiosk: null }), problems: [] });
    const kiosk = parseAll('?lang=en&tour=2&kiosk=1&dwell=1.5&idle=3');
    expect(kiosk.state).toMatchObject({ lang: 'en', tour: 2, kiosk: { dwell: 1.5, idle: 3 } });
    expect(serialiseUrl(kiosk.state, all, (p) => serialiseTourParams(kiosk.state, p))).toBe('?lang=en&tour=2&kiosk=1&dwell=1.5&idle=3');
    expect(parseAll('?kiosk=1').state).toMatchObject({ tour: 1, kiosk: { dwell: 20, idle: 60 } });
    // The map's pair knows nothing of the tour.
    expect(parseUrl('?tour=2&kiosk=1', known)).toEqual({ state: { site: null, layers: null, lang: 'zh', view: null }, problems: [] });
  });

  it('opens an out-of-range tour at the first stop, with a notice', () => {
    for (const bad of ['0', '12', '-1', 'x', '1e3']) {
      const r = parseAll(`?tour=${bad}`);
      expect(r.state.tour).toBe(1);
      expect(r.problems).toEqual([{ kind: 'badParam', name: 'tour' }]);
    }
    expect(parseAll('?kiosk=1&dwell=0').problems).toEqual([{ kind: 'badParam', name: 'dwell' }]);
  });

  it('rejects views out of range', () => {
    expect(parseView('119,28,9')).toEqual({ center: [119, 28], zoom: 9, bearing: 0, pitch: 0 });
    expect(parseView('200,28,9')).toBeNull();
    expect(parseView('119,95,9')).toBeNull();
    expect(parseView('119,28,40')).toBeNull();
    expect(parseView('119,28')).toBeNull();
    expect(parseView('119,28,9,0,90')).toBeNull();
    expect(parseView('119,,9')).toBeNull();
    expect(parseView('119,28,9,190')?.bearing).toBe(-170);
  });
});
