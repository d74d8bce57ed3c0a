/** What can be wrong with an imported file: codes and places, worded per language by the UI (importProblemText in i18n/toolStrings.ts). */
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
  /** A .prj, a GeoJSON crs member or a choice naming a system the importer cannot use. */
  | { code: 'unknown-crs'; where: string; name: string }
  /** A .cpg naming an encoding the importer does not know. */
  | { code: 'unknown-encoding'; where: string; name: string }
  | { code: 'excel-encrypted'; file: string }
  | { code: 'excel-unreadable'; file: string; detail: string }
  | { code: 'excel-no-sheet'; file: string; sheet: string }
  | { code: 'excel-merged-header'; file: string; sheet: string; range: string }
  | { code: 'excel-formula'; file: string; sheet: string; cell: string }
  | { code: 'unknown-format' }
  | { code: 'not-what-it-claims'; claimed: string }
  | { code: 'bad-json'; line: number; column: number }
  | { code: 'not-geojson' }
  | { code: 'bad-xml'; detail: string }
  | { code: 'zip-no-shapefile' }
  | { code: 'gdal-unavailable' }
  | { code: 'kmz-no-kml'; file: string }
  | { code: 'gdal-no-layers'; file: string }
  | { code: 'gdal-no-layer'; file: string; layer: string }
  | { code: 'gdal-failed'; file: string; layer?: string; detail: string }
  | { code: 'bad-shapefile'; detail: string }
  | { code: 'csv-no-coordinates'; columns: string[]; sheet?: string }
  /** `line`: the CSV line, or the sheet's row. */
  | { code: 'csv-bad-number'; line: number; column: string; value: string; sheet?: string }
  | { code: 'outside-earth'; feature: number; lon: number; lat: number; swapped: boolean }
  | { code: 'invalid-geometry'; feature: number; detail: string }
  | { code: 'empty' }
  | { code: 'too-many-features'; count: number; limit: number };

export class ImportError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.code);
  }
}
