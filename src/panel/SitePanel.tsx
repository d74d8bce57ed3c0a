import { COUNTY_SEAT, figures, groups, layers, sites } from '../data/geodata';
import type { SiteDef } from '../data/schema';
import { anchorOf, figuresOfSite, groupFiguresOfSite, km, nearbySites, relatedCountyFigures } from '../data/selectors';
import { SHARE_STRINGS } from '../embed/shareStrings';
import { formatDistance, formatSiteDistance } from '../i18n/format';
import { useT } from '../i18n/useT';
import { flyToSite } from '../map/cameraApi';
import { useApp } from '../state/store';
import { SymbolIcon } from '../ui/SymbolIcon';
import { FigureCard } from './FigureCard';

/** A selected site: names, layer, status, how precise its place is, its figures and what is near. */
export function SitePanel({ site, headingId }: { site: SiteDef; headingId: string }) {
  const lang = useApp((s) => s.lang);
  const select = useApp((s) => s.select);
  const t = useT();
  const p = site.properties;
  const layer = layers.find((l) => l.id === p.layer);
  const own = figuresOfSite(figures, p.id);
  const related = relatedCountyFigures(figures, p.id);
  const wholes = groupFiguresOfSite(figures, groups, p.id);
  const nearby = nearbySites(sites, p.id, 5);
  const other = lang === 'zh' ? 'en' : 'zh';
  const isEnclave = p.connectsTo === 'county-seat';
  const seatKm = km(anchorOf(site), COUNTY_SEAT);
  return (
    <div className="site-panel" data-site={p.id}>
      <div className="site-head">
        {/* elementtiming: the benchmark reads when a site's name was painted (remounted per site). */}
        <h2 id={headingId} className="panel-title" tabIndex={-1} {...{ elementtiming: 'site-heading' }}>
          {p.name[lang]}
        </h2>
        <p className="other-name" lang={other === 'zh' ? 'zh-CN' : 'en'}>
          {p.name[other]}
        </p>
        <ul className="site-tags">
          {layer && (
            <li className="tag layer-tag">
              <SymbolIcon symbol={layer.symbol} color={layer.color} hollow={p.precision === 'indicative'} />
              <span className="visually-hidden">{t.layer}: </span>
              {layer.name[lang]}
            </li>
          )}
          <li className={`tag status-tag status-${p.status}`}>
            <span className="visually-hidden">{t.status}: </span>
            {t[`status_${p.status}`]}
          </li>
        </ul>
      </div>
      <div className={`precision-badge precision-${p.precision}`} role="note">
        <strong>{STRINGS_BOTH[p.precision]}</strong>
        <span className="precision-why">{p.precisionNote[lang]}</span>
      </div>
      <p className="site-description">{p.description[lang]}</p>
      <div className="site-actions">
        <button type="button" onClick={() => flyToSite(p.id)}>
          {isEnclave ? t.showBothEnds : t.zoomToSite}
        </button>
        <button
          type="button"
          className="save-image"
          aria-label={SHARE_STRINGS[lang].saveImageLabel(p.name[lang])}
          onClick={() => void import('../embed/savePoster').then((m) => m.savePoster(p.id))}
        >
          {SHARE_STRINGS[lang].saveImage}
        </button>
        {isEnclave && <span className="enclave-distance">{t.enclaveDistance(formatDistance(seatKm, lang))}</span>}
      </div>

      <section aria-labelledby="own-figures" className="panel-section">
        <h3 id="own-figures">{t.siteFigures}</h3>
        {own.length > 0 ? (
          <div className="figure-grid">
            {own.map((f) => (
              <FigureCard key={f.id} figure={f} />
            ))}
          </div>
        ) : (
          <p className="no-figures">{t.noSiteFigures}</p>
        )}
      </section>

      {wholes.map(({ group, figures: list }) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="panel-section group-figures" data-group={group.id}>
          <h3 id={`group-${group.id}`}>{t.groupFigures(group.name[lang])}</h3>
          <div className="figure-grid">
            {list.map((f) => (
              <FigureCard key={f.id} figure={f} compact />
            ))}
          </div>
        </section>
      ))}

      {related.length > 0 && (
        <section aria-labelledby="county-figures" className="panel-section county-wide">
          <h3 id="county-figures">{t.countyWide}</h3>
          <div className="figure-grid">
            {related.map((f) => (
              <FigureCard key={f.id} figure={f} compact />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="nearby-heading" className="panel-section">
        <h3 id="nearby-heading">{t.nearby}</h3>
        {(p.precision === 'indicative' || nearby.some((n) => n.site.properties.precision === 'indicative')) && (
          <p className="nearby-note">{t.roughDistanceNote}</p>
        )}
        <ul className="nearby-list">
          {nearby.map((n) => {
            const l = layers.find((x) => x.id === n.site.properties.layer);
            return (
              <li key={n.site.properties.id}>
                <button
                  type="button"
                  onClick={() => {
                    select(n.site.properties.id);
                    flyToSite(n.site.properties.id);
                  }}
                >
                  {l && <SymbolIcon symbol={l.symbol} color={l.color} hollow={n.site.properties.precision === 'indicative'} />}
                  <span className="nearby-name">{n.site.properties.name[lang]}</span>
                  <span className="nearby-km">
                    {formatSiteDistance(n.km, p.precision === 'indicative' || n.site.properties.precision === 'indicative', lang)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="sources-heading" className="panel-section">
        <h3 id="sources-heading">{t.sources}</h3>
        <ul className="source-list">
          {p.sources.map((s) => (
            <li key={`${s.where}${s.date ?? ''}`}>
              {s.where}
              {s.date ? ` (${s.date})` : ''}
              {s.note ? ` — ${s.note[lang]}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The precision badge reads in both scripts ("示意位置 · indicative location"), as docs/data.md says the panel explains it. */
const STRINGS_BOTH = {
  official: '官方位置 · official location',
  described: '按描述放置 · placed from description',
  indicative: '示意位置 · indicative location',
} as const;
