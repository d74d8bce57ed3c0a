import { useMemo, useState } from 'react';
import { COUNTY_SEAT, siteById, sites } from '../data/geodata';
import type { SiteDef } from '../data/schema';
import { anchorOf, km } from '../data/selectors';
import { formatNumber, formatSiteDistance } from '../i18n/format';
import { flyToSite } from '../map/cameraApi';
import { useApp } from '../state/store';
import { communityCoverage } from './coverage';
import { coverageShare, itemsWithinRings } from './geometry';
import { useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

const STATIONS = sites.filter((s) => s.properties.station);

export function AnalysisSection() {
  const lang = useApp((s) => s.lang);
  const selectedId = useApp((s) => s.selectedId);
  const select = useApp((s) => s.select);
  const rings = useTools((s) => s.rings);
  const setRings = useTools((s) => s.setRings);
  const radius = useTools((s) => s.walkRadiusKm);
  const setRadius = useTools((s) => s.setWalkRadius);
  const showCircles = useTools((s) => s.showCircles);
  const setShowCircles = useTools((s) => s.setShowCircles);
  const drawings = useTools((s) => s.drawings);
  const selectedDrawing = useTools((s) => s.selectedDrawing);
  const t = useToolStrings();
  const [ringText, setRingText] = useState(rings.join(', '));
  const site = siteById(selectedId);
  const within = useMemo(
    () =>
      site
        ? itemsWithinRings(
            anchorOf(site),
            rings,
            sites.filter((s) => s !== site),
            (s: SiteDef) => anchorOf(s),
          )
        : [],
    [site, rings],
  );
  const union = showCircles ? (communityCoverage(radius).features[0] ?? null) : null;
  const target = useMemo(() => {
    const d = drawings.find((x) => x.properties.id === selectedDrawing && x.geometry.type === 'Polygon');
    if (d) return { name: d.properties.name || t.untitled, geometry: d.geometry };
    if (site && (site.geometry.type === 'Polygon' || site.geometry.type === 'MultiPolygon'))
      return { name: site.properties.name[lang], geometry: site.geometry };
    return null;
  }, [drawings, selectedDrawing, site, lang, t]);
  const share = target && union ? coverageShare(target.geometry as never, union) : null;

  return (
    <section className="tool-section" aria-labelledby="analysis-title">
      <h3 id="analysis-title">{t.analysis}</h3>
      <label className="rings-input">
        {t.rings}
        <input
          value={ringText}
          onChange={(e) => {
            setRingText(e.target.value);
            setRings(e.target.value.split(/[,，\s]+/).map(Number));
          }}
        />
      </label>
      {site ? (
        <div className="proximity" data-testid="proximity">
          <p className="proximity-site">{site.properties.name[lang]}</p>
          <ul>
            <li>
              {t.toSeat}: {formatSiteDistance(km(anchorOf(site), COUNTY_SEAT), site.properties.precision === 'indicative', lang)}
            </li>
            {STATIONS.map((s) => (
              <li key={s.properties.id}>
                {t.toStation(s.properties.name[lang])}:{' '}
                {formatSiteDistance(
                  km(anchorOf(site), anchorOf(s)),
                  site.properties.precision === 'indicative' || s.properties.precision === 'indicative',
                  lang,
                )}
              </li>
            ))}
          </ul>
          {within.map((w) => (
            <div key={w.km} className="ring-group">
              <h4>{t.withinKm(formatNumber(w.km, lang))}</h4>
              {w.items.length === 0 ? (
                <p className="tool-hint">{t.none}</p>
              ) : (
                <ul>
                  {w.items.map(({ item, km: d }) => (
                    <li key={item.properties.id}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          select(item.properties.id);
                          flyToSite(item.properties.id);
                        }}
                      >
                        {item.properties.name[lang]}
                      </button>{' '}
                      {formatSiteDistance(
                        d,
                        site.properties.precision === 'indicative' || item.properties.precision === 'indicative',
                        lang,
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      ) : (
        <p className="tool-hint">{t.ringsHint}</p>
      )}
      <h4>{t.circles}</h4>
      <label className="chip-check">
        <input type="checkbox" checked={showCircles} onChange={(e) => setShowCircles(e.target.checked)} />
        {t.circlesShow}
      </label>
      <label className="radius-input">
        {t.radius}: {formatNumber(radius, lang, 1)} km
        <input type="range" min={0.2} max={3} step={0.1} value={radius} onChange={(e) => setRadius(Number(e.target.value))} />
      </label>
      <p className="tool-hint">{t.radiusWhy}</p>
      <p className="tool-hint">{t.coverageOf}</p>
      {share !== null && target && (
        <output className="coverage" aria-live="polite" data-testid="coverage">
          {t.coverage(`${formatNumber(share * 100, lang, 1)}%`, target.name)}
        </output>
      )}
    </section>
  );
}
