/** What can be wrong with a map service: codes and details, worded per language in serviceStrings.ts. */
export type ServiceProblem =
  | { code: 'bad-url'; url: string }
  /** An http: service on an https: page: the browser blocks it. */
  | { code: 'mixed'; url: string }
  /** No answer the page may read: no CORS headers, not allowed by the deployment's policy, or down. */
  | { code: 'unreachable'; origin: string; policy: boolean }
  | { code: 'timeout'; seconds: number }
  | { code: 'http'; status: number }
  /** 401/403: a wrong, expired or unbound token, or a login needed. */
  | { code: 'auth'; status: number; detail?: string }
  /** An HTML page (a login page, an error page) where a service's answer was expected. */
  | { code: 'html'; title?: string }
  | { code: 'not-xml'; detail: string }
  /** XML, but not a document the app reads (its root element named). */
  | { code: 'unknown-document'; root: string }
  /** The service answered with an exception report: its own words. */
  | { code: 'exception'; text: string }
  | { code: 'version'; version: string }
  | { code: 'no-layers' }
  /** A WMTS layer whose tile matrix sets the app cannot draw (named). */
  | { code: 'grids'; sets: string[] }
  /** A WMS layer offering no coordinate system the app can ask for. */
  | { code: 'crs'; crs: string[] }
  | { code: 'not-image'; type: string }
  | { code: 'empty-image' }
  | { code: 'unknown-type' }
  | { code: 'too-many'; limit: number; matched?: number }
  | { code: 'no-token' }
  /** A MapLibre style: a basemap of its own with fonts and sprites, configured rather than added here. */
  | { code: 'style' }
  /** A WFS offering no GeoJSON output (its formats named). */
  | { code: 'no-geojson'; formats: string[] };

export class ServiceError extends Error {
  constructor(readonly problem: ServiceProblem) {
    super(`service: ${problem.code}`);
  }
}

export const problemOf = (e: unknown): ServiceProblem =>
  e instanceof ServiceError
    ? e.problem
    : (e as Error)?.name === 'AbortError'
      ? { code: 'timeout', seconds: 0 }
      : { code: 'exception', text: String((e as Error)?.message ?? e) };
