/**
 * The page's title and description follow the view (a site's name and the start of its description),
 * in the interface's language: what a browser tab, a bookmark and WeChat's share card (which reads the
 * page as it is when shared) show. Set as text, never markup.
 */
import { meta, siteById } from '../data/geodata';
import { useApp } from '../state/store';

const DESCRIPTION_CHARS = 120;

export function pageTitle(siteName: string | null, appTitle: string): string {
  return siteName ? `${siteName} · ${appTitle}` : appTitle;
}

export function shortDescription(text: string, max = DESCRIPTION_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

export function startPageMeta(): void {
  const first = { title: document.title, description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '' };
  const apply = () => {
    const { selectedId, lang } = useApp.getState();
    const site = siteById(selectedId);
    document.title = site
      ? pageTitle(site.properties.name[lang], meta.title[lang])
      : lang === 'zh'
        ? first.title
        : pageTitle(null, meta.title.en);
    const description = site ? shortDescription(site.properties.description[lang]) : first.description;
    for (const el of document.querySelectorAll('meta[name="description"], meta[property="og:description"]'))
      el.setAttribute('content', description);
    const og = document.querySelector('meta[property="og:title"]');
    if (og) og.setAttribute('content', document.title);
  };
  apply();
  useApp.subscribe((s, prev) => {
    if (s.selectedId !== prev.selectedId || s.lang !== prev.lang) apply();
  });
}
