/**
 * The Content Security Policy of the built page: everything from the app's own origin,
 * workers from blob: (the import parser), no inline script, and remote origins only for
 * the online basemaps and the tiled layers configured at build time (VITE_BASEMAPS,
 * public/basemaps.json, VITE_LAYERS, public/layers.json).
 */
import { existsSync, readFileSync } from 'node:fs';

export function basemapOrigins(env: string | undefined, basemapsFile: string): string[] {
  const lists: unknown[] = [];
  try {
    if (env) lists.push(JSON.parse(env));
  } catch {
    // an invalid VITE_BASEMAPS is reported by the app at run time
  }
  if (existsSync(basemapsFile)) {
    try {
      lists.push(JSON.parse(readFileSync(basemapsFile, 'utf8')));
    } catch {
      // likewise
    }
  }
  const origins = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const b of list as { tiles?: unknown; style?: unknown; url?: unknown }[]) {
      // Basemaps name tiles or a style; tiled layers (layers.json, VITE_LAYERS) a url.
      for (const u of [...(Array.isArray(b?.tiles) ? b.tiles : []), b?.style, b?.url]) {
        if (typeof u !== 'string') continue;
        try {
          const url = new URL(u.replace(/\{[a-z]\}/g, '0'));
          if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
        } catch {
          // not a URL: the app refuses the entry
        }
      }
    }
  }
  return [...origins].sort();
}

/**
 * Origins map services may be read from, besides the app's own (its proxy) and any https: one:
 * `VITE_SERVICE_ORIGINS="http://10.1.2.3:8080 http://gis.local"` for an intranet's plain-http servers.
 */
export function serviceOrigins(env: string | undefined): string[] {
  return (env ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((o) => {
      try {
        const u = new URL(o);
        return u.protocol === 'http:' || u.protocol === 'https:' ? [u.origin] : [];
      } catch {
        return [];
      }
    });
}

/**
 * `scriptHashes`: inline scripts allowed by hash (the first view's guard), never 'unsafe-inline'.
 * Images and connections may go to any https: origin (map services a planner adds by URL) and to
 * `services` (plain-http intranet servers); scripts never leave the app's origin.
 */
export function contentSecurityPolicy(remote: string[], scriptHashes: string[] = [], services: string[] = []): string {
  const all = [...new Set([...remote, ...services])];
  const r = ` https:${all.length ? ` ${all.join(' ')}` : ''}`;
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${r}`,
    "font-src 'self' data:",
    `connect-src 'self' data: blob:${r}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}
