import { useId, useState } from 'react';
import type { FigureDef } from '../data/schema';
import { formatChange, formatPeriod, formatRanks, formatValue } from '../i18n/format';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';

/**
 * One figure: value, unit, period (marked when inferred), change, and its source one tap away. `scope`
 * names whose figure it is where the card stands outside a site's panel (全县, the zone, a site).
 */
export function FigureCard({ figure, compact = false, scope }: { figure: FigureDef; compact?: boolean; scope?: string }) {
  const lang = useApp((s) => s.lang);
  const t = useT();
  const [open, setOpen] = useState(false);
  const sourceId = useId();
  const v = formatValue(figure, lang);
  const change = figure.change ? formatChange(figure.change, lang) : null;
  return (
    <article className={`figure-card${compact ? ' compact' : ''}`} data-figure={figure.id}>
      {scope && <p className="figure-scope">{scope}</p>}
      {/* Not the article's: said on the card itself, wherever it is shown (overview, site panel, tour). */}
      {figure.origin !== 'article' && <p className={`figure-origin origin-${figure.origin}`}>{t[`originTag_${figure.origin}`]}</p>}
      <h4 className="figure-label">{figure.label[lang]}</h4>
      <p className="figure-value">
        <span className="value" {...{ elementtiming: `figure-${figure.id}` }}>
          {v.value}
        </span>
        <span className="unit">{v.unit}</span>
        {change && (
          <span className={`change ${change.tone}`} title={change.label}>
            <span aria-hidden="true">{change.text}</span>
            <span className="visually-hidden">{change.label}</span>
          </span>
        )}
      </p>
      {v.aside && <p className="figure-aside">{v.aside}</p>}
      {figure.ranks && (
        <p className="figure-ranks">
          <span className="visually-hidden">{t.rank}: </span>
          {formatRanks(figure.ranks, lang)}
        </p>
      )}
      <p className="figure-meta">
        <span className="figure-period">
          {formatPeriod(figure.period, lang)}
          {figure.periodInferred && (
            <abbr className="period-inferred" title={figure.periodInferred[lang]}>
              {lang === 'zh' ? `（${t.periodInferred}）` : ` (${t.periodInferred})`}
            </abbr>
          )}
        </span>
        {figure.note && <span className="figure-note">{figure.note[lang]}</span>}
      </p>
      <button type="button" className="source-toggle" aria-expanded={open} aria-controls={sourceId} onClick={() => setOpen(!open)}>
        {open ? t.sourceHide : `${t.source} · ${lang === 'zh' ? 'source' : '来源'}`}
      </button>
      <div id={sourceId} className="figure-source" hidden={!open}>
        {figure.periodInferred && (
          <p className="period-why">
            {t.periodInferredWhy}: {figure.periodInferred[lang]}
          </p>
        )}
        {figure.origin === 'dashboard' ? (
          <>
            <p className="source-kind">{t.sourceDashboard}</p>
            <p>{figure.method[lang]}</p>
          </>
        ) : figure.origin === 'article' ? (
          <>
            <p className="source-kind">{t.sourceArticle}</p>
            <blockquote lang="zh-CN">{figure.quote}</blockquote>
            {lang === 'en' && (
              <p className="as-written">
                {t.asWritten}: <span lang="zh-CN">{figure.written}</span>{' '}
                {figure.unit.zh !== '%' && !figure.written.includes(figure.unit.zh) ? <span lang="zh-CN">{figure.unit.zh}</span> : null}
              </p>
            )}
          </>
        ) : (
          <>
            <p className="source-kind">{t.sourceExternal}</p>
            <p>
              {figure.source.where}
              {figure.source.date ? ` (${figure.source.date})` : ''}
            </p>
            {figure.source.note && <p>{figure.source.note[lang]}</p>}
          </>
        )}
      </div>
    </article>
  );
}
