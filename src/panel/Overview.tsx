import { figures, groups, layers, sections, sites } from '../data/geodata';
import { countyFiguresBySection, passesAttributeFilter, prospectFigures } from '../data/selectors';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';
import { useFirstView } from '../ui/firstView';
import { SymbolIcon } from '../ui/SymbolIcon';
import { FigureCard } from './FigureCard';
import { GrowthChart } from './GrowthChart';

const HEADLINE = ['gdp', 'budget-revenue', 'planned-investment', 'city-construction'];

/** Nothing selected: the county's key figures by the article's five sections. */
export function Overview({ headingId }: { headingId: string }) {
  const t = useT();
  const firstView = useFirstView();
  const headline = HEADLINE.map((id) => figures.find((f) => f.id === id)).filter((f) => f !== undefined);
  return (
    <div className="overview">
      <h2 id={headingId} className="panel-title">
        {t.overview}
      </h2>
      <p className="panel-intro">{t.overviewIntro}</p>
      <div className="headline-figures">
        {headline.map((f) => (
          <FigureCard key={f.id} figure={f} />
        ))}
      </div>
      <section aria-labelledby="growth-heading" className="panel-section">
        <h3 id="growth-heading">{t.growthChart}</h3>
        <GrowthChart />
      </section>
      {!firstView && <OverviewBelowFold />}
    </div>
  );
}

/** The overview past its first screen: sites per layer, then the figures by the article's sections. */
function OverviewBelowFold() {
  const lang = useApp((s) => s.lang);
  const statuses = useApp((s) => s.statuses);
  const precisions = useApp((s) => s.precisions);
  const t = useT();
  return (
    <>
      <section aria-labelledby="layer-count-heading" className="panel-section">
        <h3 id="layer-count-heading">{t.sitesPerLayer}</h3>
        <ul className="layer-counts">
          {layers.map((l) => {
            const n = sites.filter((s) => s.properties.layer === l.id && passesAttributeFilter(s, { statuses, precisions })).length;
            return (
              <li key={l.id}>
                <SymbolIcon symbol={l.symbol} color={l.color} />
                <span>{l.name[lang]}</span>
                <span className="count">{n}</span>
              </li>
            );
          })}
        </ul>
      </section>
      {sections
        .filter((s) => s.n > 0)
        .map((s) => {
          const list = countyFiguresBySection(figures, s.id, groups).filter((f) => !HEADLINE.includes(f.id));
          return (
            <section key={s.id} aria-labelledby={`sec-${s.id}`} className="panel-section">
              <h3 id={`sec-${s.id}`}>
                <span className="section-n">{s.n}</span> {s.title[lang]}
              </h3>
              <div className="figure-grid">
                {list.map((f) => (
                  <FigureCard key={f.id} figure={f} compact />
                ))}
              </div>
            </section>
          );
        })}
      {prospectFigures(figures).length > 0 && (
        <section aria-labelledby="sec-prospects" className="panel-section prospects">
          <h3 id="sec-prospects">{t.prospects}</h3>
          <div className="figure-grid">
            {prospectFigures(figures).map((f) => (
              <FigureCard key={f.id} figure={f} compact />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="sec-overview-more" className="panel-section">
        <h3 id="sec-overview-more">{sections.find((s) => s.id === 'overview')?.title[lang]}</h3>
        <div className="figure-grid">
          {countyFiguresBySection(figures, 'overview', groups)
            .filter((f) => !HEADLINE.includes(f.id))
            .map((f) => (
              <FigureCard key={f.id} figure={f} compact />
            ))}
        </div>
      </section>
    </>
  );
}
