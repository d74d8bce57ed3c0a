/**
 * A short tour carried in a link: the stops as JSON, deflated (the browser's CompressionStream) and
 * written in base64url, as `?tourlink=…`. Links stay under MAX_LINK_CHARS, which mail clients, chat
 * apps and servers pass whole; a longer tour is refused with a message offering the file instead.
 */
import type { TourStopDef } from '../data/schema';

/** The longest link offered (the whole address). Longer tours go as a file. */
export const MAX_LINK_CHARS = 8000;
/** The parameter carrying the tour. */
export const LINK_PARAM = 'tourlink';
/** Inflated size accepted from a link (a tampered link cannot blow up in memory). */
const MAX_INFLATED = 512 * 1024;

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`more than ${limit} bytes inflated`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const toBase64Url = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string) => {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
};

/** The parameter's value for a tour. */
export async function encodeTourLink(stops: readonly TourStopDef[]): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(stops));
  return toBase64Url(await through(json, new CompressionStream('deflate-raw')));
}

/** The link for a tour, or `tooLong` with the length it would have. */
export async function tourLink(stops: readonly TourStopDef[], base: string): Promise<{ url: string } | { tooLong: number }> {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set(LINK_PARAM, await encodeTourLink(stops));
  url.searchParams.set('tour', '1');
  return url.href.length > MAX_LINK_CHARS ? { tooLong: url.href.length } : { url: url.href };
}

/** The JSON a link carries; throws when it is truncated or tampered (not base64url, not deflate, not JSON). */
export async function decodeTourLink(value: string): Promise<unknown> {
  const bytes = await through(fromBase64Url(value), new DecompressionStream('deflate-raw'), MAX_INFLATED);
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}
