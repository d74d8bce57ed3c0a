/**
 * A tour from outside the app — a file a colleague sent, or a link — read and checked with the data
 * check's own rules (src/data/tourCheck.ts, loaded only now: zod is not in the page until a tour is
 * read). Refused with the file (or link), the stop and the field named; nothing is changed by a refusal.
 */
import { figures, layers, SITE_IDS, sections } from '../data/geodata';
import type { TourStopDef } from '../data/schema';
import type { TourProblem } from '../data/tourCheck';

/** A tour file larger than this is not a tour (the built-in one is about 15 kB). */
export const MAX_TOUR_FILE_BYTES = 1024 * 1024;

export type ReadResult = { stops: TourStopDef[] } | { problems: TourProblem[] };

const refs = () => ({
  sites: new Set(SITE_IDS),
  layers: new Set(layers.map((l) => l.id)),
  figures,
  sections: new Set(sections.map((s) => s.id)),
});

/** Checks parsed JSON as a tour. */
export async function checkTourJson(json: unknown): Promise<ReadResult> {
  const { checkTour } = await import('../data/tourCheck');
  const { stops, problems } = checkTour(json, refs());
  return problems.length > 0 ? { problems } : { stops };
}

/** Reads a tour file: size, JSON, then the check. */
export async function readTourFile(file: File): Promise<ReadResult> {
  if (file.size > MAX_TOUR_FILE_BYTES)
    return { problems: [{ where: 'file', field: '(size)', message: `${file.size} bytes, at most ${MAX_TOUR_FILE_BYTES}` }] };
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    return { problems: [{ where: 'file', field: '(json)', message: `not JSON (${String((error as Error).message).slice(0, 80)})` }] };
  }
  return checkTourJson(json);
}

/** The first few problems, one line each, for a notice. */
export function describeProblems(problems: readonly TourProblem[], max = 3): string {
  const shown = problems.slice(0, max).map((p) => `${p.where}, ${p.field}: ${p.message}`);
  const more = problems.length > max ? ` (+${problems.length - max})` : '';
  return shown.join('; ') + more;
}
