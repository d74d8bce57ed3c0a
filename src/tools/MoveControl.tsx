/**
 * Moving the selected drawing, or one of its vertices, without a pointer: arrow buttons and the arrow
 * keys, by a step in metres. Each move is one undo step.
 */
import { type KeyboardEvent, useState } from 'react';
import { nudged, vertices } from './editGeometry';
import { type Drawing, useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

const STEPS = [1, 10, 100];
const KEYS: Record<string, [number, number]> = { ArrowUp: [0, 1], ArrowDown: [0, -1], ArrowRight: [1, 0], ArrowLeft: [-1, 0] };

export function MoveControl({ drawing }: { drawing: Drawing }) {
  const t = useToolStrings();
  const [part, setPart] = useState<number | null>(null);
  const [step, setStep] = useState(10);
  const count = vertices(drawing.geometry).length;
  const index = drawing.geometry.type === 'Point' || part === null || part >= count ? null : part;

  const move = (east: number, north: number) => {
    // The store's current shape: key repeats can come faster than renders.
    const tools = useTools.getState();
    const current = tools.drawings.find((d) => d.properties.id === drawing.properties.id);
    if (current) tools.updateDrawing(current.properties.id, { geometry: nudged(current.geometry, index, east * step, north * step) });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const dir = KEYS[e.key];
    if (!dir || (e.target as HTMLElement).tagName === 'SELECT') return;
    e.preventDefault();
    const times = e.shiftKey ? 10 : 1;
    move(dir[0] * times, dir[1] * times);
  };
  // The last item names the button's place in the pad's grid (src/styles.css).
  const buttons: [string, number, number, string, string][] = [
    [t.north, 0, 1, '↑', 'n'],
    [t.west, -1, 0, '←', 'w'],
    [t.east, 1, 0, '→', 'e'],
    [t.south, 0, -1, '↓', 's'],
  ];
  return (
    <fieldset className="move-control" onKeyDown={onKeyDown}>
      <legend className="move-title">{t.moveTitle}</legend>
      <div className="move-options">
        {drawing.geometry.type !== 'Point' && (
          <label>
            {t.movePart}
            <select value={index ?? ''} onChange={(e) => setPart(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t.moveWhole}</option>
              {Array.from({ length: count }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: vertices are known by their position
                <option key={i} value={i}>
                  {t.vertexN(i + 1)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t.step}
          <select value={step} onChange={(e) => setStep(Number(e.target.value))}>
            {STEPS.map((m) => (
              <option key={m} value={m}>
                {t.stepM(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="move-pad">
        {buttons.map(([dir, east, north, arrow, area]) => (
          <button
            key={dir}
            type="button"
            className={`move-step move-${area}`}
            aria-label={t.moveBy(dir, step)}
            title={t.moveBy(dir, step)}
            onClick={() => move(east, north)}
          >
            {arrow}
          </button>
        ))}
      </div>
      <p className="tool-hint">{t.moveHint}</p>
    </fieldset>
  );
}
