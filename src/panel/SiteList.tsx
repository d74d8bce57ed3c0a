import { layers, sites } from '../data/geodata';
import { passesFilter } from '../data/selectors';
import { useT } from '../i18n/useT';
import { flyToSite } from '../map/cameraApi';
import { useApp } from '../state/store';
import { SymbolIcon } from '../ui/SymbolIcon';

/** Every site, grouped by layer: the whole map, usable by keyboard and screen reader alone. */
export function SiteList() {
  const lang = useApp((s) => s.lang);
  const selectedId = useApp((s) => s.selectedId);
  const visibleLayers = useApp((s) => s.visibleLayers);
  const statuses = useApp((s) => s.statuses);
  const precisions = useApp((s) => s.precisions);
  const select = useApp((s) => s.select);
  const t = useT();
  const filter = { visibleLayers, statuses, precisions };
  return (
    <nav id="site-list" className="site-list" aria-labelledby="site-list-heading" tabIndex={-1}>
      <h2 id="site-list-heading" className="list-title">
        {t.siteList}
      </h2>
      {layers.map((l) => {
        const list = sites.filter((s) => s.properties.layer === l.id && passesFilter(s, filter));
        if (list.length === 0) return null;
        return (
          <section key={l.id} aria-labelledby={`list-${l.id}`}>
            <h3 id={`list-${l.id}`}>
              <SymbolIcon symbol={l.symbol} color={l.color} /> {l.name[lang]} <span className="count">{list.length}</span>
            </h3>
            <ul>
              {list.map((s) => {
                const p = s.properties;
                const current = p.id === selectedId;
                return (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="site-item"
                      aria-current={current ? 'true' : undefined}
                      data-site-id={p.id}
                      onClick={() => {
                        select(p.id);
                        flyToSite(p.id);
                      }}
                    >
                      <span className="site-item-name">{p.name[lang]}</span>
                      <span className="site-item-meta">
                        {t[`status_${p.status}`]} · {t[`precision_${p.precision}`]}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
