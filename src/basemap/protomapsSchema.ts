/**
 * The layers of the Protomaps basemap schema the county style draws: an archive without them is of another
 * schema. Checked by the extract (scripts/lib/archive-extract.ts) and by the app when it finds an archive.
 */
export const PROTOMAPS_LAYERS = ['earth', 'water', 'roads', 'places'] as const;
