/**
 * Keeps the address bar and the store in step: selections push history entries
 * (back and forward move through them), everything else replaces the current one
 * (debounced, so panning does not flood the history).
 */
import { sites } from '../data/geodata';
import { STRINGS } from '../i18n/strings';
import { ALL_LAYER_IDS, useApp } from './store';
import { parseUrl, serialiseUrl, type UrlProblem, type UrlState } from './url';

const known = { siteIds: new Set(sites.map((s) => s.properties.id)), layerIds: ALL_LAYER_IDS };

function noticeText(p: UrlProblem, lang: 'zh' | 'en'): string {
  const t = STRINGS[lang];
  if (p.kind === 'unknownSite') return t.unknownSite(p.id);
  if (p.kind === 'unknownLayer') return t.unknownLayer(p.id);
  return t.badParam(p.name);
}

function currentUrlState(): UrlState {
  const s = useApp.getState();
  return { site: s.selectedId, layers: s.visibleLayers, lang: s.lang, view: s.view };
}

function urlFor(state: UrlState): string {
  return `${location.pathname}${serialiseUrl(state, ALL_LAYER_IDS)}${location.hash}`;
}

function apply(search: string, fromHistory: boolean) {
  const { state, problems } = parseUrl(search, known);
  const app = useApp.getState();
  app.setLang(state.lang);
  app.setLayers(state.layers ?? ALL_LAYER_IDS);
  if (state.view) {
    app.setView(state.view);
    if (fromHistory) app.requestCamera({ kind: 'view', view: state.view });
  }
  app.select(state.site, { fly: Boolean(state.site) && (fromHistory || !state.view) });
  for (const p of problems) app.notify(noticeText(p, state.lang));
}

let started = false;
export function startUrlSync(): void {
  if (started) return;
  started = true;
  apply(location.search, false);
  history.replaceState(null, '', urlFor(currentUrlState()));
  document.documentElement.lang = useApp.getState().lang === 'zh' ? 'zh-CN' : 'en';

  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;
  window.addEventListener('popstate', () => {
    applying = true;
    apply(location.search, true);
    applying = false;
  });

  useApp.subscribe((s, prev) => {
    if (s.lang !== prev.lang) document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
    if (applying) return;
    if (s.selectedId !== prev.selectedId) {
      clearTimeout(timer);
      history.pushState(null, '', urlFor(currentUrlState()));
      return;
    }
    if (s.lang !== prev.lang || s.visibleLayers !== prev.visibleLayers || s.view !== prev.view) {
      clearTimeout(timer);
      timer = setTimeout(() => history.replaceState(null, '', urlFor(currentUrlState())), 250);
    }
  });
}
