import type { LayerSpecification, MapMouseEvent } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  BROWSE,
  currentMode,
  dispatch,
  handlersFor,
  type MapFeature,
  mergeContributions,
  onModeChange,
  takeMode,
} from '../../src/map/registry';

declare module '../../src/map/registry' {
  interface Modes {
    'test-draw': true;
    'test-edit': true;
  }
}

const layer = (id: string) => ({ id, type: 'background' }) as LayerSpecification;

describe('the map registry', () => {
  it('orders the features’ layers by slot, whatever order the features come in', () => {
    const merged = mergeContributions([
      { layers: { top: [layer('drawing')], imports: [layer('import')] } },
      { layers: { sites: [layer('site')], base: [layer('county')] } },
    ]);
    expect(merged.layers.map((l) => l.id)).toEqual(['county', 'import', 'site', 'drawing']);
    expect(merged.keyboard).toBe(true);
    expect(mergeContributions([{ keyboard: false }, null]).keyboard).toBe(false);
  });

  it('refuses two features adding the same source', () => {
    const s = { spec: { type: 'geojson', data: '' } as never };
    expect(() => mergeContributions([{ sources: { a: s } }, { sources: { a: s } }])).toThrow(/two features add the source "a"/);
  });

  it('gives an event to the mode’s handlers in order until one takes it', () => {
    const seen: string[] = [];
    const saw = (name: string, taken: boolean) => () => {
      seen.push(name);
      return taken;
    };
    const features: MapFeature[] = [
      { id: 'tools', modes: { [BROWSE]: { click: saw('tools', false) }, 'test-draw': { click: saw('draw', true) } } },
      { id: 'sites', modes: { [BROWSE]: { click: saw('sites', true) } } },
    ];
    const e = {} as MapMouseEvent;
    const ctx = { map: {} as never, datum: 'WGS-84' as const };
    expect(dispatch(handlersFor(features, BROWSE), 'click', e, ctx)).toBe(true);
    expect(seen).toEqual(['tools', 'sites']);
    seen.length = 0;
    expect(dispatch(handlersFor(features, 'test-draw'), 'click', e, ctx)).toBe(true);
    expect(seen).toEqual(['draw']);
    expect(dispatch(handlersFor(features, 'test-draw'), 'mousemove', e, ctx)).toBe(false);
  });

  it('lets a feature take the mode and give it back; one taken from another is told so', () => {
    const seen: string[] = [];
    const off = onModeChange((m) => seen.push(m));
    let toolEnded = false;
    const giveBackTool = takeMode('tools', 'test-draw', () => {
      toolEnded = true;
    });
    expect(currentMode()).toBe('test-draw');
    const giveBackEditor = takeMode('editor', 'test-edit');
    expect(toolEnded).toBe(true);
    // The tool's late give-back does not end the editor's mode.
    giveBackTool();
    expect(currentMode()).toBe('test-edit');
    giveBackEditor();
    expect(currentMode()).toBe(BROWSE);
    expect(seen).toEqual(['test-draw', 'test-edit', BROWSE]);
    off();
  });
});
