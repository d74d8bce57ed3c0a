/**
 * The links the Share dialog gives (pure; tests/unit/share.test.ts): the page's own link, the embedded
 * map's with the chosen options, the iframe snippet, and the QR code's text with its fallback.
 */
import type { Lang } from '../i18n/strings';
import { serialiseUrl, type View } from '../state/url';

/**
 * Where the deployment is reached from outside (VITE_PUBLIC_URL, its public http(s) address, set at build time):
 * links, codes and snippets point there even when the dialog is opened on an intranet address.
 */
export function shareBase(publicUrl: string | undefined, pageHref: string, basePath: string): string {
  if (publicUrl) {
    try {
      const u = new URL(publicUrl);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href.endsWith('/') ? u.href : `${u.href}/`;
    } catch {
      // Not a URL: the page's own address below (the build logged nothing; the dialog names the origin it uses).
    }
  }
  return new URL(basePath, pageHref).href;
}

/** The page's query string taken to another base (the same view, wherever it is opened). */
export function rebaseLink(base: string, search: string): string {
  return `${base}${search}`;
}

export interface EmbedOptions {
  site: string | null;
  view: View | null;
  /** null: every layer. */
  layers: string[] | null;
  lang: Lang;
  /** The built-in tour plays by itself, stop after stop (kiosk mode). */
  autoplay: boolean;
}

export function embedLink(base: string, o: EmbedOptions, allLayerIds: readonly string[]): string {
  const search = serialiseUrl({ site: o.site, layers: o.layers, lang: o.lang, view: o.view }, allLayerIds, (p) => {
    if (o.autoplay) {
      p.set('tour', '1');
      p.set('kiosk', '1');
    }
    p.set('embed', '1');
  });
  return `${base}${search}`;
}

export type FrameSize = { kind: 'fixed'; width: number; height: number } | { kind: 'responsive'; height: number };

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export const clampSize = (n: number, min: number, max: number, fallback: number) =>
  Number.isFinite(n) ? Math.round(Math.max(min, Math.min(max, n))) : fallback;

/** The `<iframe>` a page pastes: its address and title escaped as attribute text. */
export function iframeSnippet(src: string, size: FrameSize, title: string): string {
  const dims =
    size.kind === 'fixed'
      ? `width="${size.width}" height="${size.height}" style="border:0;max-width:100%"`
      : `style="border:0;width:100%;height:${size.height}px"`;
  return `<iframe src="${attr(src)}" title="${attr(title)}" ${dims} loading="lazy" allow="fullscreen" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}

/**
 * The QR code's text: the link itself, or — when it is longer than a scannable code holds (a tour
 * carried in the link) — the plain view link, said with `fallback`.
 */
export function qrText<T>(link: string, plain: string, encode: (s: string) => T | null): { qr: T | null; text: string; fallback: boolean } {
  const qr = encode(link);
  if (qr) return { qr, text: link, fallback: false };
  const second = plain !== link ? encode(plain) : null;
  return { qr: second, text: plain, fallback: true };
}
