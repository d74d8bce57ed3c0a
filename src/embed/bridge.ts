/**
 * The postMessage API's wiring (messages.ts holds the contract): started only in a frame. It reads the
 * allowed origins first, then listens and says `suichang:ready` — a page that waits for it never posts
 * into a map that is not listening yet. Messages from other windows or origins not allowed are ignored;
 * malformed ones are ignored with a console warning, never a page error.
 */
import { SITE_IDS, siteById } from '../data/geodata';
import { flyToSite } from '../map/cameraApi';
import { useApp } from '../state/store';
import { exitTour, startChosenTour } from '../tour/controller';
import { useTour } from '../tour/tourState';
import { API_VERSION, type MapEvent, originAllowed, parseAllowedOrigins, parseCommand } from './messages';

async function allowedOrigins(): Promise<string[] | null> {
  let found: string[] | null = null;
  const add = (raw: unknown, where: string) => {
    const r = parseAllowedOrigins(raw, where);
    for (const p of r.problems) console.warn(p);
    found = [...(found ?? []), ...r.origins];
  };
  const env = import.meta.env.VITE_EMBED_ORIGINS as string | undefined;
  if (env) add(env, 'VITE_EMBED_ORIGINS');
  if (location.protocol !== 'file:') {
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}embed.json`, { cache: 'no-cache' });
      if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
        add(((await res.json()) as { allowedOrigins?: unknown })?.allowedOrigins, 'embed.json: allowedOrigins');
      }
    } catch (error) {
      console.warn(`embed.json: ${(error as Error).message}`);
    }
  }
  return found;
}

export async function startEmbedBridge(): Promise<void> {
  const parent = window.parent;
  if (parent === window) return;
  const allowed = await allowedOrigins();
  const siteIds = new Set(SITE_IDS);
  // Events go to the allowed origins only (a list: to each; a message to another origin is dropped by the browser).
  const post = (event: MapEvent) => {
    for (const target of allowed ?? ['*']) parent.postMessage(event, target);
  };

  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== parent || !originAllowed(e.origin, allowed)) return;
    const r = parseCommand(e.data, siteIds);
    if (!r) return;
    if ('error' in r) {
      console.warn(`Suichang map, message from ${e.origin}: ${r.error}; ignored.`);
      return;
    }
    const c = r.command;
    const app = useApp.getState();
    if (c.type === 'suichang:select-site') {
      if (useTour.getState().active) exitTour();
      app.select(c.site);
      if (c.site) flyToSite(c.site);
    } else if (c.type === 'suichang:tour') {
      if (c.action === 'start' && !useTour.getState().active) startChosenTour();
      if (c.action === 'stop') exitTour();
    } else app.setLang(c.lang);
  });

  useApp.subscribe((s, prev) => {
    if (s.selectedId === prev.selectedId) return;
    const site = siteById(s.selectedId);
    post({ type: 'suichang:site-selected', site: site?.id ?? null, name: site ? { ...site.properties.name } : null });
  });
  useTour.subscribe((s, prev) => {
    if (s.active && (!prev.active || s.index !== prev.index || s.tour !== prev.tour)) {
      const stop = s.tour.stops[s.index];
      if (stop) post({ type: 'suichang:tour-stop', index: s.index + 1, count: s.tour.stops.length, id: stop.id, title: stop.title });
    } else if (!s.active && prev.active) post({ type: 'suichang:tour-ended' });
  });
  post({ type: 'suichang:ready', version: API_VERSION });
}
