/**
 * A tour stop's map services on the map: each found among the services added (same address, layer and
 * role) or added for the tour, the stop's overlays shown at its opacities and the others hidden, its
 * basemap chosen. What was on screen before the first such stop comes back when a stop shows none or
 * the tour ends, and services added only for the tour are removed.
 */
import type { TourServiceRef } from '../data/schema';
import { layersOf, nextColor, useLayers } from '../layers/layersState';
import type { ServiceLayer } from '../layers/model';
import { newId } from '../lib/ids';
import { useApp } from '../state/store';
import { removeService, restoreServices } from './manage';
import type { ServiceDef } from './model';
import { registerService } from './protocol';

let before: { shown: Map<string, { visible: boolean; opacity: number }>; basemapId: string } | null = null;
let added: string[] = [];

const same = (l: ServiceLayer, t: TourServiceRef) =>
  l.role === t.role && l.service.template === t.service.template && (l.service.from.layer ?? '') === (t.service.from.layer ?? '');

function putBack(): void {
  if (!before) return;
  const { shown, basemapId } = before;
  before = null;
  for (const id of added) removeService(id);
  added = [];
  const layers = useLayers.getState();
  for (const [id, s] of shown) layers.update(id, s);
  useApp.getState().setBasemap(basemapId);
}

export async function showServices(list: readonly TourServiceRef[] | undefined): Promise<void> {
  if (!list || list.length === 0) return putBack();
  await restoreServices();
  const app = useApp.getState();
  const layers = useLayers.getState();
  before ??= {
    shown: new Map(layersOf('service').map((l) => [l.id, { visible: l.visible, opacity: l.opacity }])),
    basemapId: app.basemapId,
  };
  const ids: string[] = [];
  for (const t of list) {
    let l = layersOf('service').find((x) => same(x, t));
    if (!l) {
      const service = t.service as ServiceDef;
      l = {
        kind: 'service',
        id: newId('svc'),
        name: service.title,
        datum: service.datum,
        color: nextColor(),
        opacity: t.opacity ?? 0.8,
        visible: true,
        service,
        role: t.role,
        status: { kind: 'ready' },
      };
      registerService(l.id, service);
      layers.add(l);
      added.push(l.id);
    }
    ids.push(l.id);
    if (t.role === 'overlay') layers.update(l.id, { visible: true, ...(t.opacity !== undefined ? { opacity: t.opacity } : {}) });
  }
  for (const l of layersOf('service')) if (l.role === 'overlay' && !ids.includes(l.id)) layers.update(l.id, { visible: false });
  const basemap = ids.find((id) => layersOf('service').find((l) => l.id === id)?.role === 'basemap');
  app.setBasemap(basemap ?? before.basemapId);
}
