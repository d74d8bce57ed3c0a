/**
 * A short tour carried in a link: the stops as JSON, deflated (the browser's CompressionStream) and
 * written in base64url, as `?tourlink=…`. Links stay under MAX_LINK_CHARS, which mail clients, chat
 * apps and servers pass whole; a longer tour is refused with a message offering the file instead.
 */
import type { TourStopDef } from '../data/schema';
import { pipeBytes } from '../lib/streamBytes';

/** The longest link offered (the whole address). Longer tours go as a file. */
export const MAX_LINK_CHARS = 8000;
/** The parameter carrying the tour. */
export const LINK_PARAM = 'tourlink';
/** Inflated size accepted from a link (a tampered link cannot blow up in memory). */
const MAX_INFLATED = 512 * 1024;

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
  return toBase64Url(await pipeBytes(json, new CompressionStream('deflate-raw')));
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
  const bytes = await pipeBytes(fromBase64Url(value), new DecompressionStream('deflate-raw'), MAX_INFLATED);
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}
