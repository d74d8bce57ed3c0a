/** The credits of the map services drawn over the map now, for the PNG and the print (the screen's come from their sources). */
import { useShallow } from 'zustand/react/shallow';
import { useLayers } from './layersState';
import type { UserLayer } from './model';

export const overlayCredits = (layers: readonly UserLayer[]): string[] =>
  layers.flatMap((l) =>
    l.kind === 'service' && l.role === 'overlay' && l.visible && l.status.kind === 'ready'
      ? [l.service.attribution || l.service.title]
      : [],
  );

export const useOverlayCredits = () => useLayers(useShallow((s) => overlayCredits(s.layers)));
