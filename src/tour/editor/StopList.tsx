/** The open tour's stops: choose one to edit, reorder by drag or Alt+↑/↓, add, duplicate, delete. */
import { useState } from 'react';
import { layers } from '../../data/geodata';
import { currentView } from '../../map/cameraApi';
import { useApp } from '../../state/store';
import { pickText } from '../TourText';
import { change, isReadOnly, selectStop, useEditor } from './editorState';
import { EDITOR_STRINGS } from './editorStrings';
import { addStop, deleteStop, duplicateStop, moveStop } from './stopOps';

/** The figure a new stop starts with: the first figure of the stop it follows, or the county's GDP. */
const FIRST_FIGURE = 'gdp';

export function StopList() {
  const lang = useApp((s) => s.lang);
  const e = EDITOR_STRINGS[lang];
  const doc = useEditor((s) => s.doc);
  const index = useEditor((s) => s.stopIndex);
  const [dragging, setDragging] = useState<number | null>(null);
  if (!doc) return null;
  const readOnly = isReadOnly(doc);
  const move = (from: number, to: number) => change((s) => moveStop(s, from, to), to);
  const add = () => {
    const view = currentView() ?? useApp.getState().view;
    if (!view) return;
    const visible = useApp.getState().visibleLayers;
    const figure = doc.stops[index]?.figures[0] ?? FIRST_FIGURE;
    change(
      (s) =>
        addStop(
          s,
          index,
          view,
          layers.map((l) => l.id).filter((id) => visible.includes(id)),
          figure,
        ),
      index + 1,
    );
  };
  return (
    <section className="editor-stops" aria-labelledby="editor-stops-title">
      <h3 id="editor-stops-title">{e.stops}</h3>
      {!readOnly && <p className="editor-help">{e.reorderHelp}</p>}
      <ol className="editor-stop-list">
        {doc.stops.map((stop, i) => {
          const title = pickText(stop.title, lang).text || e.untitled;
          return (
            <li
              key={stop.id}
              className={`${i === index ? 'current' : ''}${dragging === i ? ' dragging' : ''}`}
              draggable={!readOnly}
              onDragStart={(ev) => {
                setDragging(i);
                ev.dataTransfer.effectAllowed = 'move';
                ev.dataTransfer.setData('text/plain', String(i));
              }}
              onDragOver={(ev) => {
                if (dragging !== null) ev.preventDefault();
              }}
              onDrop={(ev) => {
                ev.preventDefault();
                if (dragging !== null && dragging !== i) move(dragging, i);
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}
            >
              <button
                type="button"
                className="editor-stop"
                aria-current={i === index ? 'step' : undefined}
                onClick={() => selectStop(i)}
                onKeyDown={(ev) => {
                  if (readOnly || !ev.altKey || (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown')) return;
                  ev.preventDefault();
                  const to = ev.key === 'ArrowUp' ? i - 1 : i + 1;
                  if (to < 0 || to >= doc.stops.length) return;
                  move(i, to);
                  // The focus follows the stop it moved.
                  requestAnimationFrame(() => document.querySelectorAll<HTMLButtonElement>('.editor-stop-list .editor-stop')[to]?.focus());
                }}
              >
                <span className="editor-stop-n">{i + 1}</span> {title}
              </button>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div className="editor-row">
          <button type="button" onClick={add}>
            {e.addStop}
          </button>
          <button type="button" onClick={() => change((s) => duplicateStop(s, index), index + 1)}>
            {e.duplicateStop}
          </button>
          <button type="button" onClick={() => change((s) => deleteStop(s, index), index)} disabled={doc.stops.length <= 1}>
            {e.deleteStop}
          </button>
          <button type="button" onClick={() => move(index, index - 1)} disabled={index === 0}>
            ↑ {e.moveUp}
          </button>
          <button type="button" onClick={() => move(index, index + 1)} disabled={index === doc.stops.length - 1}>
            ↓ {e.moveDown}
          </button>
        </div>
      )}
    </section>
  );
}
