/**
 * Two to four key figures for a stop, picked from figures.json by a search: a figure keeps its source
 * (the card shows it, as on the tour); nothing typed here becomes a figure.
 */
import { useId, useMemo, useState } from 'react';
import { figures } from '../../data/geodata';
import { formatValue } from '../../i18n/format';
import { FigureCard } from '../../panel/FigureCard';
import { useApp } from '../../state/store';
import type { EditorStrings } from './editorStrings';
import { MAX_FIGURES } from './stopOps';

/** Figures a stop may show: results, not prospects (the data check refuses those as key figures). */
const candidates = figures.filter((f) => f.kind !== 'prospect');
const byId = new Map(figures.map((f) => [f.id, f]));
const MAX_SHOWN = 8;

export function FigurePicker({
  chosen,
  onToggle,
  e,
  readOnly,
}: {
  chosen: readonly string[];
  onToggle: (id: string) => void;
  e: EditorStrings;
  readOnly: boolean;
}) {
  const lang = useApp((s) => s.lang);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return candidates
      .filter((f) => !chosen.includes(f.id))
      .filter((f) => [f.label.zh, f.label.en, f.unit.zh, f.unit.en, f.id].some((s) => s.toLowerCase().includes(q)))
      .slice(0, MAX_SHOWN);
  }, [query, chosen]);
  const full = chosen.length >= MAX_FIGURES;
  return (
    <fieldset className="editor-figures">
      <legend>{e.figures}</legend>
      <ul className="editor-chosen-figures">
        {chosen.map((id) => {
          const f = byId.get(id);
          if (!f) return null;
          return (
            <li key={id}>
              <FigureCard figure={f} compact />
              {!readOnly && (
                <button type="button" className="editor-remove" onClick={() => onToggle(id)} disabled={chosen.length <= 1}>
                  {e.figureRemove(f.label[lang])}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <>
          <label htmlFor={searchId}>{e.figureSearch}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(ev) => setQuery(ev.target.value)}
            disabled={full}
            autoComplete="off"
          />
          {full && <p className="editor-help">{e.figureFull}</p>}
          {query.trim() !== '' && !full && (
            <ul className="editor-figure-results">
              {matches.length === 0 && <li>{e.figureNone}</li>}
              {matches.map((f) => {
                const v = formatValue(f, lang);
                return (
                  <li key={f.id}>
                    <button type="button" onClick={() => onToggle(f.id)}>
                      {e.figureAdd(f.label[lang])} · {v.value} {v.unit}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}
