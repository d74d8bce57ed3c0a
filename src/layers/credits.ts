/** The credits of the pictures drawn over the map now (map services, image archives), for the PNG and the print (the screen's come from their sources). */
import { useShallow } from 'zustand/react/shallow';
import { useLayers } from './layersState';
import type { UserLayer } from './model';

export const overlayCredits = (layers: readonly UserLayer[]): string[] =>
  layers.flatMap((l) => {
    if (!l.visible || l.kind === 'geojson' || l.status.kind !== 'ready' || (l.role ?? 'overlay') !== 'overlay') return [];
    if (l.kind === 'service') return [l.service.attribution || l.service.title];
    return l.raster ? [l.raster.credit || l.name] : [];
  });

export const useOverlayCredits = () => useLayers(useShallow((s) => overlayCredits(s.layers)));
