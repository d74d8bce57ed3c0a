import { useApp } from '../state/store';
import { outlineAreaM2, pathLengthKm } from './geometry';
import { formatArea, formatLength } from './MeasureSection';
import { MoveControl } from './MoveControl';
import { type Drawing, type ToolMode, useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

function measureOf(d: Drawing, lang: 'zh' | 'en'): string {
  if (d.geometry.type === 'LineString') return formatLength(pathLengthKm(d.geometry.coordinates), lang);
  if (d.geometry.type === 'Polygon') return formatArea(outlineAreaM2((d.geometry.coordinates[0] ?? []).slice(0, -1)), lang).join(' · ');
  return `${d.geometry.coordinates[0]?.toFixed(5)}, ${d.geometry.coordinates[1]?.toFixed(5)}`;
}

export function DrawSection() {
  const lang = useApp((s) => s.lang);
  const mode = useTools((s) => s.mode);
  const draft = useTools((s) => s.draft);
  const drawings = useTools((s) => s.drawings);
  const history = useTools((s) => s.history);
  const selected = useTools((s) => s.selectedDrawing);
  const tools = useTools.getState;
  const t = useToolStrings();
  const modes: [ToolMode, string][] = [
    ['draw-point', t.drawPoint],
    ['draw-line', t.drawLine],
    ['draw-polygon', t.drawPolygon],
  ];
  return (
    <section className="tool-section" aria-labelledby="draw-title">
      <h3 id="draw-title">{t.draw}</h3>
      <fieldset className="tool-buttons">
        <legend className="visually-hidden">{t.draw}</legend>
        {modes.map(([m, label]) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => tools().setMode(mode === m ? 'none' : m)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={() => tools().undo()} disabled={history.length === 0}>
          {t.undo}
        </button>
      </fieldset>
      {mode.startsWith('draw-') && (
        <>
          <p className="tool-hint">{t.drawHint}</p>
          <div className="tool-buttons">
            <button type="button" onClick={() => tools().finishDrawing()} disabled={draft.length === 0}>
              {t.finish}
            </button>
            <button type="button" onClick={() => tools().setMode('none')}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
      {drawings.length === 0 ? (
        <p className="tool-hint">{t.noDrawings}</p>
      ) : (
        <ul className="drawing-list">
          {drawings.map((d, i) => {
            const id = d.properties.id;
            const open = id === selected;
            return (
              <li key={id} className={open ? 'open' : undefined} data-drawing={id}>
                <button type="button" className="drawing-head" aria-expanded={open} onClick={() => tools().selectDrawing(open ? null : id)}>
                  <span>{d.properties.name || `${t.untitled} ${i + 1}`}</span>
                  <span className="drawing-measure">{measureOf(d, lang)}</span>
                </button>
                {open && (
                  <div className="drawing-edit">
                    <label>
                      {t.name}
                      <input
                        value={d.properties.name}
                        maxLength={120}
                        onChange={(e) => tools().updateDrawing(id, { name: e.target.value })}
                      />
                    </label>
                    <label>
                      {t.note}
                      <textarea
                        value={d.properties.note}
                        maxLength={2000}
                        rows={2}
                        onChange={(e) => tools().updateDrawing(id, { note: e.target.value })}
                      />
                    </label>
                    <MoveControl drawing={d} />
                    <button type="button" className="danger" onClick={() => tools().removeDrawing(id)}>
                      {t.remove}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="tool-hint">{t.drawingsSaved}</p>
    </section>
  );
}
