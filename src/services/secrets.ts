/**
 * Tokens for services that need one (Tianditu's `tk`): kept only in this browser (localStorage), added to
 * a request when a tile is fetched, and never part of a layer, a link, a tour, an export or a picture.
 */
export type SecretName = 'tianditu';
const key = (name: SecretName) => `suichang:secret:${name}`;

export function getSecret(name: SecretName): string | null {
  try {
    return localStorage.getItem(key(name));
  } catch {
    return null;
  }
}

export function setSecret(name: SecretName, value: string | null): void {
  try {
    if (value) localStorage.setItem(key(name), value);
    else localStorage.removeItem(key(name));
  } catch {
    // Storage refused: the token lasts this session only (kept in memory by the caller's form).
  }
}

/** The URL with the token added (`tk=` for Tianditu). */
export function withSecret(url: string, name: SecretName | undefined, token: string | null): string {
  if (!name || !token) return url;
  return `${url}${url.includes('?') ? (/[?&]$/.test(url) ? '' : '&') : '?'}tk=${encodeURIComponent(token)}`;
}
