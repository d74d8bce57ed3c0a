/**
 * Keeps the address bar and the store in step: selections push history entries
 * (back and forward move through them), everything else replaces the current one
 * (debounced, so panning does not flood the history).
 */
import { SITE_IDS } from '../data/geodata';
import { parsePageMode, parseTextSize, serialisePageMode } from '../embed/embedParams';
import { PAGE_MODE } from '../embed/pageMode';
import { STRINGS } from '../i18n/strings';
import { currentView, flyToSite, showView } from '../map/cameraApi';
import { ALL_LAYER_IDS, useApp } from '../state/store';
import { parseUrl, serialiseUrl, summariseProblems, type UrlNotice, type UrlState } from '../state/url';
import { startTourSync } from '../tour/controller';
import { stops } from '../tour/stops';
import { useTour } from '../tour/tourState';
import { parseTourParams, serialiseTourParams } from '../tour/url';
import { applyTourUrl, currentTourUrl } from '../tour/urlPart';

const known = { siteIds: new Set(SITE_IDS), layerIds: ALL_LAYER_IDS };

function noticeText(p: UrlNotice, lang: 'zh' | 'en'): string {
  const t = STRINGS[lang];
  if (p.kind === 'unknownSite') return t.unknownSite(p.id);
  if (p.kind === 'unknownLayers') return p.total === 1 ? t.unknownLayer(p.shown[0] as string) : t.unknownLayers(p.shown, p.total);
  return t.badParam(p.name);
}

/** `live`: the camera as it is now (a link given away), not the last view reported to the address bar. */
export function currentUrlState(live = false): UrlState {
  const s = useApp.getState();
  return { site: s.selectedId, layers: s.visibleLayers, lang: s.lang, view: (live ? currentView() : null) ?? s.view };
}

/** The query string: the map's parameters, then each feature's own (the tour's, the page mode's). */
export function currentSearch(live = false): string {
  const tour = currentTourUrl();
  return serialiseUrl(
    currentUrlState(live),
    ALL_LAYER_IDS,
    (p) => serialiseTourParams(tour, p),
    (p) => serialisePageMode(PAGE_MODE, p),
  );
}

/** The view alone (site, layers, language, camera): what a link too long for a QR code falls back to. */
export function viewSearch(): string {
  return serialiseUrl(currentUrlState(true), ALL_LAYER_IDS);
}

export function currentUrl(): string {
  return `${location.pathname}${currentSearch()}${location.hash}`;
}

function apply(search: string, fromHistory: boolean) {
  const params = new URLSearchParams(search);
  const { state, problems } = parseUrl(params, known);
  const tourState = parseTourParams(params, stops.length, problems);
  parsePageMode(params, problems); // fixed for the page (pageMode.ts): read here for its notice
  const text = parseTextSize(params, problems);
  const app = useApp.getState();
  if (text) app.setTextSize(text);
  app.setLang(state.lang);
  app.setLayers(state.layers ?? ALL_LAYER_IDS);
  if (state.view) {
    app.setView(state.view);
    if (fromHistory) showView(state.view);
  }
  app.select(state.site);
  if (state.site && (fromHistory || !state.view)) flyToSite(state.site);
  for (const p of summariseProblems(problems)) app.notify(noticeText(p, state.lang));
  applyTourUrl(tourState, fromHistory);
}

let started = false;
export function startUrlSync(): void {
  if (started) return;
  started = true;
  startTourSync();
  apply(location.search, false);
  history.replaceState(null, '', currentUrl());
  document.documentElement.lang = useApp.getState().lang === 'zh' ? 'zh-CN' : 'en';

  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;
  window.addEventListener('popstate', () => {
    applying = true;
    apply(location.search, true);
    applying = false;
  });

  const replaceSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => history.replaceState(null, '', currentUrl()), 250);
  };
  useTour.subscribe((s, prev) => {
    if (!applying && (s.active !== prev.active || s.index !== prev.index)) replaceSoon();
  });

  useApp.subscribe((s, prev) => {
    if (s.lang !== prev.lang) document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
    if (applying) return;
    if (s.selectedId !== prev.selectedId) {
      clearTimeout(timer);
      history.pushState(null, '', currentUrl());
      return;
    }
    if (s.lang !== prev.lang || s.visibleLayers !== prev.visibleLayers || s.view !== prev.view) replaceSoon();
  });
}
