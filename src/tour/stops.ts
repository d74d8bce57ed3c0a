import tourJson from '../../geodata/tour.json';
import type { TourStopDef } from '../data/schema';

/** The guided tour: data in geodata/tour.json, validated by the data check. Read-only in the app. */
export const stops = tourJson as TourStopDef[];
/** The built-in tour's id among the presenter's tours. */
export const BUILT_IN_ID = 'built-in';
