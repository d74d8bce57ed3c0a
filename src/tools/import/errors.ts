/** What can be wrong with an imported file: codes and places, worded per language by the UI (i18n/importMessages.ts). */
export type ImportProblem =
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'unknown-format' }
  | { code: 'not-what-it-claims'; claimed: string }
  | { code: 'bad-json'; line: number; column: number }
  | { code: 'not-geojson' }
  | { code: 'bad-xml'; detail: string }
  | { code: 'zip-no-shapefile' }
  | { code: 'bad-shapefile'; detail: string }
  | { code: 'csv-no-coordinates'; columns: string[] }
  | { code: 'csv-bad-number'; line: number; column: string; value: string }
  | { code: 'outside-earth'; feature: number; lon: number; lat: number; swapped: boolean }
  | { code: 'invalid-geometry'; feature: number; detail: string }
  | { code: 'empty' }
  | { code: 'too-many-features'; count: number; limit: number };

export class ImportError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.code);
  }
}
