import tourJson from '../../geodata/tour.json';
import type { TourStopDef } from '../data/schema';

/** The guided tour: data in geodata/tour.json, validated by the data check. */
export const stops = tourJson as TourStopDef[];
