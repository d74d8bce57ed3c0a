import { figures } from '../data/geodata';
import { growthRates } from '../data/selectors';
import { formatNumber } from '../i18n/format';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';

const RATES = growthRates(figures);

/** Horizontal bars of the growth rates the article gives, labelled at the bar (plain SVG). */
export function GrowthChart() {
  const lang = useApp((s) => s.lang);
  const t = useT();
  const max = Math.max(...RATES.map((r) => r.value), 1);
  const row = 30;
  const labelW = 0;
  const width = 360;
  const height = RATES.length * row + 6;
  return (
    <figure className="growth-chart">
      <figcaption>{t.growthChartLabel}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={t.growthChartLabel}>
        {RATES.map((r, i) => {
          const y = i * row + 3;
          const w = Math.max(2, ((width - 60) * r.value) / max);
          const growth = r.figure.change ? (lang === 'zh' ? '增长' : ' growth') : '';
          // Another year than 2022 is named, unless the label names it already ("GDP growth in 2021").
          const year = r.figure.period !== '2022' && !r.figure.label[lang].includes(r.figure.period) ? ` (${r.figure.period})` : '';
          const label = `${r.figure.label[lang]}${growth}${year}`;
          return (
            <g key={r.id} transform={`translate(${labelW},${y})`}>
              <title>{`${label}: ${formatNumber(r.value, lang)}%`}</title>
              <text x="0" y="10" className="bar-label">
                {label}
              </text>
              <rect x="0" y="14" width={w} height="10" rx="2" className="bar" />
              <text x={w + 6} y="23" className="bar-value">
                {`${formatNumber(r.value, lang)}%`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
