/** The style's address of a service layer's tiles (the svc protocol, src/services/protocol.ts): its id and the map's datum, nothing secret. */
import type { Datum } from '../basemap/config';

export const serviceUrl = (id: string, mapDatum: Datum) => `svc://${id}/${encodeURIComponent(mapDatum)}/{z}/{x}/{y}`;
