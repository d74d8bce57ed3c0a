/** What can be wrong with an imported file: codes and places, worded per language by the UI (i18n/importMessages.ts). */
export type ImportProblem =
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'empty-file' }
  /** A failure no check foresaw, with the parser's own words. */
  | { code: 'unreadable'; detail: string }
  | { code: 'bad-zip'; file: string; detail: string }
  /** An entry (or, with entry null, all that would be read together) over the limit: declared, or found while inflating. */
  | { code: 'zip-too-large'; file: string; entry: string | null; bytes: number; limit: number; inflated?: boolean }
  | { code: 'zip-encrypted'; file: string; entry: string }
  | { code: 'too-deep'; feature: number; limit: number }
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
