/**
 * The datum an imported layer's coordinates are in, from how the file was read and what the user chose:
 * a national grid (CGCS2000, Xian 1980, Beijing 1954, UTM) is never GCJ-02; BD-09 became GCJ-02 on
 * reading.
 */
import type { Datum } from '../../basemap/config';
import type { ReadAs } from './parse';

/** The datum of longitude/latitude in a file: BD-09 (Baidu) is converted to GCJ-02 on import. */
export type FileDatum = Datum | 'BD-09';

export function layerDatum(readAs: ReadAs, chosen: FileDatum): Datum {
  if (readAs.fromBd09) return 'GCJ-02';
  if (readAs.crs) return 'WGS-84';
  return chosen === 'BD-09' ? 'GCJ-02' : chosen;
}
