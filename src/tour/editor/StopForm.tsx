/** The stop being edited: chapter, camera, layers, highlighted sites, texts in both languages, figures. */
import { useId } from 'react';
import { layers, SITE_IDS, sections, sites } from '../../data/geodata';
import type { TourServiceRef, TourStopDef } from '../../data/schema';
import { boundsOf } from '../../data/selectors';
import { useLayersOf } from '../../layers/layersState';
import { currentView } from '../../map/cameraApi';
import { ALL_LAYER_IDS, useApp } from '../../state/store';
import { change, isReadOnly, playFrom, selectStop, useEditor } from './editorState';
import { EDITOR_STRINGS, type EditorStrings } from './editorStrings';
import { FigurePicker } from './FigurePicker';
import { boundsAround, cameraFromView, toggleFigure, toggleIn, updateStop } from './stopOps';

/** The corners of the sites' own bounds, to frame them together. */
const siteCorners = (ids: readonly string[]): [number, number][] =>
  sites
    .filter((s) => ids.includes(s.properties.id))
    .flatMap((s) => {
      const [w, so, e, n] = boundsOf(s);
      return [
        [w, so],
        [e, n],
      ];
    });

type TextField = 'title' | 'caption' | 'notes';

function Texts({
  stop,
  field,
  label,
  e,
  readOnly,
  multiline,
  set,
}: {
  stop: TourStopDef;
  field: TextField;
  label: string;
  e: EditorStrings;
  readOnly: boolean;
  multiline: boolean;
  set: (value: TourStopDef[TextField]) => void;
}) {
  const id = useId();
  return (
    <fieldset className="editor-texts">
      <legend>{label}</legend>
      {(['zh', 'en'] as const).map((l) => {
        const props = {
          id: `${id}-${l}`,
          lang: l === 'zh' ? 'zh-CN' : 'en',
          value: stop[field][l],
          readOnly,
          onChange: (ev: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ ...stop[field], [l]: ev.target.value }),
        };
        return (
          <div key={l} className="editor-text">
            <label htmlFor={props.id}>{l === 'zh' ? e.textZh : e.textEn}</label>
            {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The map services a stop shows: those added in this browser, and those the stop names that are not. */
function StopServices({ stop, readOnly, set }: { stop: TourStopDef; readOnly: boolean; set: (c: Partial<TourStopDef>) => void }) {
  const lang = useApp((s) => s.lang);
  const e = EDITOR_STRINGS[lang];
  const layers = useLayersOf('service');
  const chosen = stop.services ?? [];
  const key = (r: Pick<TourServiceRef, 'role'> & { service: Pick<TourServiceRef['service'], 'template' | 'from'> }) =>
    `${r.role} ${r.service.template} ${r.service.from.layer ?? ''}`;
  const rows: TourServiceRef[] = [
    ...layers.map((l): TourServiceRef => ({ role: l.role, ...(l.role === 'overlay' ? { opacity: l.opacity } : {}), service: l.service })),
    ...chosen.filter((c) => !layers.some((l) => key({ role: l.role, service: l.service }) === key(c))),
  ];
  if (rows.length === 0) return null;
  return (
    <fieldset className="editor-checks editor-services">
      <legend>{e.services}</legend>
      {!readOnly && <p className="editor-help">{e.servicesHelp}</p>}
      {rows.map((r) => {
        const on = chosen.some((c) => key(c) === key(r));
        return (
          <label key={key(r)}>
            <input
              type="checkbox"
              checked={on}
              disabled={readOnly}
              onChange={() => {
                const next = on ? chosen.filter((c) => key(c) !== key(r)) : [...chosen, r];
                set({ services: next.length > 0 ? next : undefined });
              }}
            />
            {r.service.title}
            {r.role === 'basemap' ? ` · ${e.serviceBasemap}` : ''}
          </label>
        );
      })}
    </fieldset>
  );
}

export function StopForm() {
  const lang = useApp((s) => s.lang);
  const e = EDITOR_STRINGS[lang];
  const doc = useEditor((s) => s.doc);
  const index = useEditor((s) => s.stopIndex);
  const stop = doc?.stops[index];
  const sectionId = useId();
  if (!doc || !stop) return null;
  const readOnly = isReadOnly(doc);
  const set = (c: Partial<TourStopDef>, coalesce?: string) => change((s) => updateStop(s, index, c), undefined, coalesce);
  const fromView = () => {
    const view = currentView();
    if (!view) return;
    change((s) => s.map((x, k) => (k === index ? (({ bounds: _b, ...rest }) => ({ ...rest, camera: cameraFromView(view) }))(x) : x)));
  };
  const fit = () => {
    const bounds = boundsAround(siteCorners(stop.highlight));
    if (!bounds) return;
    set({ bounds });
    selectStop(index);
  };
  const c = stop.camera;
  return (
    <section className="editor-stop-form" aria-labelledby="editor-stop-title">
      <h3 id="editor-stop-title">
        {e.stop} · {index + 1}
      </h3>
      <div className="editor-row">
        <button type="button" onClick={() => selectStop(index)}>
          {e.preview}
        </button>
        <button type="button" onClick={() => void playFrom(index)}>
          {e.play}
        </button>
      </div>
      <div className="editor-field">
        <label htmlFor={sectionId}>{e.section}</label>
        <select
          id={sectionId}
          value={stop.section}
          disabled={readOnly}
          onChange={(ev) => set({ section: ev.target.value as TourStopDef['section'] })}
        >
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title[lang]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="editor-camera">
        <legend>{e.camera}</legend>
        <p className="editor-help" data-testid="editor-camera">
          {stop.bounds
            ? e.cameraBounds
            : `${c.center[0].toFixed(4)}, ${c.center[1].toFixed(4)} · ${e.cameraNow(c.zoom, c.bearing, c.pitch)}`}
        </p>
        {!readOnly && (
          <div className="editor-row">
            <button type="button" onClick={fromView}>
              {e.cameraFromView}
            </button>
            <button type="button" onClick={fit} disabled={stop.highlight.length === 0}>
              {e.cameraFit}
            </button>
          </div>
        )}
      </fieldset>
      <fieldset className="editor-checks">
        <legend>{e.layers}</legend>
        {layers.map((l) => (
          <label key={l.id}>
            <input
              type="checkbox"
              checked={stop.layers.includes(l.id)}
              disabled={readOnly}
              onChange={() => set({ layers: toggleIn(stop.layers, l.id, ALL_LAYER_IDS) })}
            />
            {l.name[lang]}
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            checked={Boolean(stop.circles)}
            disabled={readOnly}
            onChange={(ev) => set({ circles: ev.target.checked || undefined })}
          />
          {e.circles}
        </label>
        <label>
          <input
            type="checkbox"
            checked={Boolean(stop.terrain)}
            disabled={readOnly}
            onChange={(ev) => set({ terrain: ev.target.checked ? { exaggeration: 1.5 } : undefined })}
          />
          {e.terrain}
        </label>
      </fieldset>
      <StopServices stop={stop} readOnly={readOnly} set={set} />
      <fieldset className="editor-checks editor-sites">
        <legend>{e.highlight}</legend>
        {!readOnly && <p className="editor-help">{e.highlightHelp}</p>}
        {sites
          .filter((s) => stop.layers.includes(s.properties.layer) || stop.highlight.includes(s.properties.id))
          .map((s) => (
            <label key={s.properties.id}>
              <input
                type="checkbox"
                checked={stop.highlight.includes(s.properties.id)}
                disabled={readOnly}
                onChange={() => set({ highlight: toggleIn(stop.highlight, s.properties.id, SITE_IDS) })}
              />
              {s.properties.name[lang]}
            </label>
          ))}
      </fieldset>
      <Texts
        stop={stop}
        field="title"
        label={e.stopTitle}
        e={e}
        readOnly={readOnly}
        multiline={false}
        set={(title) => set({ title }, 'title')}
      />
      <Texts
        stop={stop}
        field="caption"
        label={e.caption}
        e={e}
        readOnly={readOnly}
        multiline
        set={(caption) => set({ caption }, 'caption')}
      />
      <Texts stop={stop} field="notes" label={e.notes} e={e} readOnly={readOnly} multiline set={(notes) => set({ notes }, 'notes')} />
      <FigurePicker chosen={stop.figures} e={e} readOnly={readOnly} onToggle={(id) => set({ figures: toggleFigure(stop.figures, id) })} />
    </section>
  );
}
