/**
 * The closed lists of the data model, as plain values. Kept apart from schema.ts so the app can use
 * them without evaluating the zod schemas (zod belongs to the data check, not to the page).
 */
export const SECTION_IDS = ['overview', 'industry', 'projects', 'reform', 'green', 'people'] as const;
export const SYMBOLS = ['square', 'triangle', 'diamond', 'star', 'circle', 'hexagon'] as const;
export const STATUSES = ['built', 'building', 'planned'] as const;
export const PRECISIONS = ['official', 'described', 'indicative'] as const;

export type Status = (typeof STATUSES)[number];
export type Precision = (typeof PRECISIONS)[number];
