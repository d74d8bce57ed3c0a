import { useId, useMemo, useState } from 'react';
import { layers, sites } from '../data/geodata';
import { searchSites } from '../data/selectors';
import { useT } from '../i18n/useT';
import { flyToSite } from '../map/cameraApi';
import { useApp } from '../state/store';
import { SymbolIcon } from '../ui/SymbolIcon';

/** Search by Chinese or English name: type, arrows, Enter (the ARIA combobox pattern). */
export function Search() {
  const lang = useApp((s) => s.lang);
  const select = useApp((s) => s.select);
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const results = useMemo(() => searchSites(sites, query, lang).slice(0, 8), [query, lang]);
  const expanded = open && query.trim() !== '';

  const choose = (id: string) => {
    select(id);
    flyToSite(id);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  return (
    <div className="search">
      <svg className="search-icon" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z" fill="currentColor" />
      </svg>
      <input
        type="search"
        role="combobox"
        aria-label={t.search}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && results[active] ? `${listId}-${active}` : undefined}
        placeholder={t.searchPlaceholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(results.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            const hit = results[active];
            if (hit) {
              e.preventDefault();
              choose(hit.properties.id);
            }
          } else if (e.key === 'Escape') {
            setQuery('');
            setOpen(false);
          }
        }}
      />
      <div id={listId} role="listbox" className="search-results" hidden={!expanded} aria-label={t.search}>
        {results.length === 0 && expanded ? (
          <div className="no-results" role="option" aria-disabled="true" aria-selected="false" tabIndex={-1}>
            {t.noResults}
          </div>
        ) : (
          results.map((s, i) => {
            const l = layers.find((x) => x.id === s.properties.layer);
            return (
              <div
                key={s.properties.id}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(s.properties.id);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {l && <SymbolIcon symbol={l.symbol} color={l.color} />}
                <span>{s.properties.name[lang]}</span>
                <span className="result-other">{s.properties.name[lang === 'zh' ? 'en' : 'zh']}</span>
              </div>
            );
          })
        )}
      </div>
    </div>
  );
}
