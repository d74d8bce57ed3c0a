/**
 * One check for every tour: the built-in one in geodata/tour.json (the data check) and a presenter's
 * own, imported from a file or a link (the app, which loads this module only then: zod stays out of
 * the page until a tour is read). The same zod schema, the same references: every stop's sites,
 * layers, figures and section must exist, and a figure must be a result, not a prospect.
 */
import { type FigureDef, TourStop, type TourStopDef } from './schema';

/** What a tour may name. */
export interface TourRefs {
  sites: ReadonlySet<string>;
  layers: ReadonlySet<string>;
  figures: readonly Pick<FigureDef, 'id' | 'kind'>[];
  /** Empty: sections are not checked (the data check reports a missing sections.json itself). */
  sections: ReadonlySet<string>;
}

export interface TourProblem {
  /** `stop 2 "devzone"`, or `file` for the tour as a whole. */
  where: string;
  /** The field, as a path: `caption.zh`, `camera.zoom`, `figures`. */
  field: string;
  message: string;
}

/** Longest tour accepted (stops): a presentation, not a dataset. */
export const MAX_STOPS = 100;

const pathOf = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(root)');

/** The stops of a tour, or the problems that refuse it; `stops` holds the stops that passed the schema. */
export function checkTour(json: unknown, refs: TourRefs): { stops: TourStopDef[]; problems: TourProblem[] } {
  const problems: TourProblem[] = [];
  if (!Array.isArray(json)) return { stops: [], problems: [{ where: 'file', field: '(root)', message: 'a tour is a list of stops' }] };
  if (json.length === 0) problems.push({ where: 'file', field: '(root)', message: 'the tour has no stops' });
  if (json.length > MAX_STOPS) problems.push({ where: 'file', field: '(root)', message: `${json.length} stops, at most ${MAX_STOPS}` });
  const stops: TourStopDef[] = [];
  json.slice(0, MAX_STOPS).forEach((raw, i) => {
    const id = typeof raw?.id === 'string' ? ` "${raw.id}"` : '';
    const where = `stop ${i + 1}${id}`;
    const parsed = TourStop.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ where, field: pathOf(issue.path), message: issue.message });
      return;
    }
    const stop = parsed.data;
    stops.push(stop);
    for (const s of stop.highlight) if (!refs.sites.has(s)) problems.push({ where, field: 'highlight', message: `no site "${s}"` });
    for (const l of stop.layers) if (!refs.layers.has(l)) problems.push({ where, field: 'layers', message: `no layer "${l}"` });
    for (const f of stop.figures) {
      const figure = refs.figures.find((x) => x.id === f);
      if (!figure) problems.push({ where, field: 'figures', message: `no figure "${f}"` });
      else if (figure.kind === 'prospect')
        problems.push({ where, field: 'figures', message: `"${f}" is a prospect, not a result: it is not a key figure` });
    }
    if (refs.sections.size > 0 && !refs.sections.has(stop.section))
      problems.push({ where, field: 'section', message: `no section "${stop.section}"` });
  });
  const seen = new Set<string>();
  for (const s of stops) {
    if (seen.has(s.id)) problems.push({ where: `stop "${s.id}"`, field: 'id', message: 'duplicate id' });
    seen.add(s.id);
  }
  return { stops, problems };
}
