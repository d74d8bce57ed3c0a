/**
 * Keeps unchanged GeoJSON sources out of MapLibre's style diff.
 *
 * The map owner hands MapLibre a whole new style on every state change and MapLibre diffs it against
 * its own serialisation of the current one. Two things in MapLibre 6 make that costly for GeoJSON:
 * a source loaded from a URL serialises as the loaded data (so the diff sees "URL vs object" and
 * reloads it: the whole 500 kB basemap, re-fetched and re-tiled on every selection), and every diff
 * deep-clones and deep-compares inline data (an imported 100k-point layer, on every click).
 *
 * Given to `setStyle` as `transformStyle`: a source whose data is the same URL or the same object as
 * in the style applied before (and whose other options are unchanged) is given the same small token
 * on both sides, so the diff sees it equal at once. Changed data is left alone and diffed as usual.
 */
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';

type Sources = Record<string, SourceSpecification>;

const sameOptions = (a: object, b: object) => {
  const ka = Object.keys(a).filter((k) => k !== 'data');
  const kb = Object.keys(b).filter((k) => k !== 'data');
  return ka.length === kb.length && ka.every((k) => JSON.stringify((a as never)[k]) === JSON.stringify((b as never)[k]));
};

/**
 * `diffing`: true when called from a diff (MapLibre calls transformStyle also when it loads a style
 * afresh, and a token there would become a source's data). A URL is safe either way: it is put back
 * on the current side only.
 */
export function keepUnchangedSources(
  current: StyleSpecification | undefined,
  next: StyleSpecification,
  applied: StyleSpecification | null,
  diffing: boolean,
): StyleSpecification {
  if (!applied || !current) return next;
  const before = applied.sources as Sources;
  const cur = current.sources as Sources;
  let sources: Sources | null = null;
  for (const [id, src] of Object.entries(next.sources as Sources)) {
    const was = before[id];
    if (src.type !== 'geojson' || was?.type !== 'geojson' || !cur[id]) continue;
    if (was.data !== src.data || !sameOptions(was, src)) continue;
    if (typeof src.data === 'string') {
      cur[id] = { ...(cur[id] as object), data: src.data } as SourceSpecification;
    } else if (diffing) {
      const token = `unchanged:${id}`;
      cur[id] = { ...(cur[id] as object), data: token } as SourceSpecification;
      sources ??= { ...(next.sources as Sources) };
      sources[id] = { ...src, data: token };
    }
  }
  return sources ? { ...next, sources } : next;
}
