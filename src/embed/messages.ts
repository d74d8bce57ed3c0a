/**
 * The postMessage API of an embedded map (docs/embedding.md), its pure half: what a page that embeds
 * the map may send, checked before anything is done, and what the map tells it.
 *
 *   to the map:   { type: 'suichang:select-site', site: 'devzone-east' | null }
 *                 { type: 'suichang:tour', action: 'start' | 'stop' }
 *                 { type: 'suichang:set-lang', lang: 'zh' | 'en' }
 *   from the map: { type: 'suichang:ready', version: 1 }
 *                 { type: 'suichang:site-selected', site: id | null, name: { zh, en } | null }
 *                 { type: 'suichang:tour-stop', index: 1-based, count, id, title: { zh, en } }
 *                 { type: 'suichang:tour-ended' }
 */
import type { Lang } from '../i18n/strings';

export const API_VERSION = 1;
const PREFIX = 'suichang:';

export type Command =
  | { type: 'suichang:select-site'; site: string | null }
  | { type: 'suichang:tour'; action: 'start' | 'stop' }
  | { type: 'suichang:set-lang'; lang: Lang };

export type MapEvent =
  | { type: 'suichang:ready'; version: number }
  | { type: 'suichang:site-selected'; site: string | null; name: { zh: string; en: string } | null }
  | { type: 'suichang:tour-stop'; index: number; count: number; id: string; title: { zh: string; en: string } }
  | { type: 'suichang:tour-ended' };

/**
 * A message's command; `null` when it is not one of ours (other scripts of the page post messages too:
 * left alone, no warning); an `error` naming what is wrong when it is ours but malformed.
 */
export function parseCommand(data: unknown, siteIds: ReadonlySet<string>): { command: Command } | { error: string } | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || !type.startsWith(PREFIX)) return null;
  const d = data as Record<string, unknown>;
  switch (type) {
    case 'suichang:select-site': {
      if (d.site === null) return { command: { type, site: null } };
      if (typeof d.site !== 'string') return { error: `${type}: "site" must be a site id or null` };
      if (!siteIds.has(d.site)) return { error: `${type}: no site "${d.site.slice(0, 64)}"` };
      return { command: { type, site: d.site } };
    }
    case 'suichang:tour':
      if (d.action !== 'start' && d.action !== 'stop') return { error: `${type}: "action" must be "start" or "stop"` };
      return { command: { type, action: d.action } };
    case 'suichang:set-lang':
      if (d.lang !== 'zh' && d.lang !== 'en') return { error: `${type}: "lang" must be "zh" or "en"` };
      return { command: { type, lang: d.lang } };
    default:
      return { error: `unknown message type "${type.slice(0, 64)}"` };
  }
}

/**
 * The origins a deployment allows to drive its map (VITE_EMBED_ORIGINS and embed.json), normalised;
 * problems named. No list: any page may embed and drive it (what it can do is what a visitor can).
 */
export function parseAllowedOrigins(raw: unknown, where: string): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : null;
  if (!list) return { origins, problems: [`${where}: a list of origins was expected`] };
  list.forEach((o, i) => {
    try {
      if (typeof o !== 'string') throw new Error();
      const u = new URL(o.trim());
      if (u.origin === 'null' || u.pathname !== '/' || u.search || u.hash) throw new Error();
      origins.push(u.origin);
    } catch {
      problems.push(
        `${where}: entry ${i + 1} ("${String(o).slice(0, 80)}") is not an origin (scheme, host and port only: no path, query or fragment)`,
      );
    }
  });
  return { origins, problems };
}

export const originAllowed = (origin: string, allowed: readonly string[] | null): boolean => allowed === null || allowed.includes(origin);
