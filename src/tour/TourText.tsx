/**
 * A tour's text in the interface language; where a presenter wrote it in the other language only,
 * that one is shown, marked with its language (and `lang` set, for screen readers and fonts).
 * Always text, never HTML.
 */
import type { Lang } from '../i18n/strings';

export interface TourTextValue {
  zh: string;
  en: string;
}

export function pickText(value: TourTextValue, lang: Lang): { text: string; lang: Lang; fallback: boolean } {
  const own = value[lang].trim();
  if (own) return { text: value[lang], lang, fallback: false };
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return { text: value[other], lang: other, fallback: value[other].trim() !== '' };
}

const MARKER: Record<Lang, Record<Lang, string>> = {
  zh: { zh: '中文', en: '英文' },
  en: { zh: 'Chinese', en: 'English' },
};

export function TourText({ value, lang }: { value: TourTextValue; lang: Lang }) {
  const picked = pickText(value, lang);
  if (!picked.fallback) return <>{picked.text}</>;
  return (
    <>
      <span className="lang-marker">{MARKER[lang][picked.lang]}</span>{' '}
      <span lang={picked.lang === 'zh' ? 'zh-CN' : 'en'}>{picked.text}</span>
    </>
  );
}
