/**
 * What a site's share picture says (pure; tests/unit/share.test.ts): its names, layer, status and how
 * precise its place is, its figures each with value, period, whose figure it is and its source line,
 * the article it all comes from, the credits and the map review number's slot. Text only: poster.ts
 * draws it on a canvas, so nothing from the data is ever markup.
 */
import { figures, groups, layers, meta, siteById, sites } from '../data/geodata';
import type { FigureDef } from '../data/schema';
import { figureScope, figuresOfSite, groupFiguresOfSite } from '../data/selectors';
import { formatPeriod, formatValue } from '../i18n/format';
import { type Lang, STRINGS } from '../i18n/strings';
import { SHARE_STRINGS } from './shareStrings';

export interface PosterFigure {
  id: string;
  scope: string;
  label: string;
  value: string;
  unit: string;
  period: string;
  source: string;
}

export interface PosterContent {
  title: string;
  otherName: string;
  tags: string[];
  precision: { level: string; label: string; note: string };
  figures: PosterFigure[];
  /** The article, where a figure quotes it. */
  article: string | null;
  credits: string;
  review: string;
}

/** At most this many figures: the picture stays one phone screen tall or two. */
export const POSTER_FIGURES = 6;

function sourceLine(f: FigureDef, lang: Lang): string {
  const t = STRINGS[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  if (f.origin === 'article') return `${t.sourceArticle}${sep}${lang === 'zh' ? `“${f.quote}”` : `“${f.quote}” (Chinese)`}`;
  if (f.origin === 'external') return `${t.sourceExternal}${sep}${f.source.where}${f.source.date ? ` (${f.source.date})` : ''}`;
  return `${t.sourceDashboard}${sep}${f.method[lang]}`;
}

export function posterContent(siteId: string, lang: Lang, credits: string, review: string | null): PosterContent | null {
  const site = siteById(siteId);
  if (!site) return null;
  const t = STRINGS[lang];
  const s = SHARE_STRINGS[lang];
  const p = site.properties;
  const layer = layers.find((l) => l.id === p.layer);
  const own = figuresOfSite(figures, p.id);
  const wholes = groupFiguresOfSite(figures, groups, p.id).flatMap((g) => g.figures);
  const chosen = [...own, ...wholes.filter((f) => !own.includes(f))].slice(0, POSTER_FIGURES);
  return {
    title: p.name[lang],
    otherName: p.name[lang === 'zh' ? 'en' : 'zh'],
    tags: [...(layer ? [layer.name[lang]] : []), t[`status_${p.status}`]],
    precision: { level: p.precision, label: t[`precision_${p.precision}`], note: p.precisionNote[lang] },
    figures: chosen.map((f) => {
      const v = formatValue(f, lang);
      const scope = figureScope(f, sites, groups);
      return {
        id: f.id,
        scope: scope.kind === 'county' ? t.scopeCounty : scope.kind === 'group' ? scope.group.name[lang] : scope.site.properties.name[lang],
        label: f.label[lang],
        value: v.value,
        unit: v.unit,
        period: formatPeriod(f.period, lang),
        source: sourceLine(f, lang),
      };
    }),
    article: !chosen.some((f) => f.origin === 'article')
      ? null
      : lang === 'zh'
        ? `${STRINGS.zh.sourceArticle}：《${meta.article.title}》（${meta.article.authors}，${meta.article.year}年）`
        : `${STRINGS.en.sourceArticle}: “${meta.article.title}” (${meta.article.authors}, ${meta.article.year}, in Chinese)`,
    credits,
    review: review ? t.reviewNumber(review) : s.posterNoMapNumber,
  };
}
