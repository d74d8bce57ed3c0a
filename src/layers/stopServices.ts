/**
 * The map services a tour stop shows, put on the map by whoever registered to do it (src/services, joined
 * by the composition root: the tour does not import the services' code). Called with no services, the
 * services are put back as they were before the tour showed any.
 */
import type { TourServiceRef } from '../data/schema';

type Shower = (services: readonly TourServiceRef[] | undefined) => void;
let shower: Shower | null = null;

export function registerStopServices(show: Shower): void {
  shower = show;
}

export function showStopServices(services: readonly TourServiceRef[] | undefined): void {
  shower?.(services);
}
