/**
 * The page's mode from its link, a parse/serialise pair like the map's (src/state/url.ts):
 *   ?embed=1     the compact layout for an iframe (no planner tools, the panel as a sheet, a link to the full map)
 * Fixed for the page's life: a link opens either the full map or the embedded one.
 */
import type { UrlProblem } from '../state/url';

export interface PageMode {
  embed: boolean;
}

export function parsePageMode(params: URLSearchParams, problems: UrlProblem[]): PageMode {
  const raw = params.get('embed');
  if (raw === null || raw === '0') return { embed: false };
  if (raw !== '1') problems.push({ kind: 'badParam', name: 'embed' });
  // "embed=yes" still embeds: the frame keeps its compact layout, and the notice names the value.
  return { embed: true };
}

export function serialisePageMode(mode: PageMode, params: URLSearchParams): void {
  if (mode.embed) params.set('embed', '1');
}

/** The link of the same view in the full map: the embed key left out. */
export function fullMapHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.href.replace(/%2C/g, ',');
}

/** `?text=large` (or `normal`): the large-text mode from a link, kept for the next visits (textSize.ts). */
export function parseTextSize(params: URLSearchParams, problems: UrlProblem[]): 'normal' | 'large' | null {
  const raw = params.get('text');
  if (raw === null) return null;
  if (raw === 'large' || raw === 'normal') return raw;
  problems.push({ kind: 'badParam', name: 'text' });
  return null;
}
