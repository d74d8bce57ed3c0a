/**
 * Service addresses: a capabilities URL made from what the planner typed, and the operation URLs a
 * document advertises moved to the address it was read from. A service read through the app's own
 * proxy (a path such as /services/office/ passed on to the office's server) still advertises the
 * server's inside address, which the page cannot reach: the advertised path is kept, its origin and
 * the proxy's prefix become the read one's.
 */

/** `url` with the query parameters set (case-insensitively replacing those present). */
export function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) {
    for (const key of [...u.searchParams.keys()]) if (key.toLowerCase() === k.toLowerCase()) u.searchParams.delete(key);
    u.searchParams.set(k, v);
  }
  return u.href;
}

/** A base for KVP requests: the URL without the capabilities' own parameters, ending in ? or &. */
export function kvpBase(url: string, drop: readonly string[] = ['service', 'request', 'version', 'acceptversions']): string {
  const u = new URL(url);
  for (const key of [...u.searchParams.keys()]) if (drop.includes(key.toLowerCase())) u.searchParams.delete(key);
  const s = u.href;
  return s.includes('?') ? (s.endsWith('?') || s.endsWith('&') ? s : `${s}&`) : `${s}?`;
}

/**
 * Moves an advertised URL to where the document was read (`readFrom`) when the two origins differ. The
 * prefix is found by matching paths: read at /ogc/ms, advertised at the server's own /ms → /ogc + /ms.
 * `advertisedSelf` is the document's own advertised address, when it gives one. Returns the URL and
 * whether it was moved.
 */
export function rebase(advertised: string, readFrom: string, advertisedSelf?: string): { url: string; moved: boolean } {
  let a: URL;
  let r: URL;
  try {
    a = new URL(advertised, readFrom);
    r = new URL(readFrom);
  } catch {
    return { url: advertised, moved: false };
  }
  if (a.origin === r.origin) return { url: /^[a-z][a-z0-9+.-]*:\/\//i.test(advertised) ? advertised : a.href, moved: false };
  let prefix = '';
  const self = advertisedSelf ? new URL(advertisedSelf, readFrom) : null;
  if (self && self.origin === a.origin && r.pathname.endsWith(self.pathname) && self.pathname.length > 1)
    prefix = r.pathname.slice(0, r.pathname.length - self.pathname.length);
  else {
    // The longest ending of the read path that begins the advertised one.
    const parts = r.pathname.split('/');
    for (let i = 1; i < parts.length; i++) {
      const tail = `/${parts.slice(i).join('/')}`;
      const dir = tail.replace(/\/[^/]*$/, '');
      if (dir.length > 1 && a.pathname.startsWith(dir)) {
        prefix = parts.slice(0, i).join('/');
        break;
      }
    }
  }
  // The advertised text after its origin, as written (a template's {placeholders} and a trailing ? kept).
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(advertised);
  const rest = m ? advertised.slice(m[0].length) || '/' : `${a.pathname}${a.search}`;
  return { url: `${r.origin}${prefix}${rest}`, moved: true };
}

/** Whether the page would block this URL as mixed content (an http: service on an https: page, other than loopback). */
export function isMixed(url: string, pageProtocol: string): boolean {
  try {
    const u = new URL(url);
    return pageProtocol === 'https:' && u.protocol === 'http:' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(u.hostname);
  } catch {
    return false;
  }
}
