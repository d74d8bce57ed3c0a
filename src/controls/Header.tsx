import { useState } from 'react';
import { TOOL_STRINGS } from '../i18n/toolStrings';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';
import { useTools } from '../tools/toolsState';
import { exitTour, startChosenTour } from '../tour/controller';
import { useTour } from '../tour/tourState';
import { copyLink } from '../ui/copyLink';
import { Search } from './Search';
import { TourChooser } from './TourChooser';

export function Header() {
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  const t = useT();
  const touring = useTour((s) => s.active);
  const toolsOpen = useTools((s) => s.open);
  const tt = TOOL_STRINGS[lang];
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!(await copyLink(location.href))) return;
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <header className="app-header">
      <div className="brand">
        <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="7" className="logo-tile" />
          <path d="M7 22 L13 10 L18 17 L21 13 L26 22 Z" className="logo-hills" />
          <circle cx="16" cy="24" r="2.5" className="logo-sun" />
        </svg>
        <div>
          <h1>{t.appTitle}</h1>
          <p className="subtitle">{t.appSubtitle}</p>
        </div>
      </div>
      <Search />
      <div className="header-actions">
        <button
          type="button"
          className="header-button tools-button"
          aria-pressed={toolsOpen}
          aria-label={toolsOpen ? tt.toolsClose : tt.toolsOpen}
          onClick={() => useTools.getState().setOpen(!toolsOpen)}
        >
          {tt.tools}
        </button>
        <button
          type="button"
          className="header-button tour-button"
          aria-pressed={touring}
          aria-label={touring ? t.tourExit : t.startTourLabel}
          onClick={() => (touring ? exitTour() : startChosenTour())}
        >
          {touring ? t.tourExit : t.startTour}
        </button>
        {!touring && <TourChooser />}
        <button type="button" className="header-button" onClick={copy} aria-live="polite">
          {copied ? t.linkCopied : t.copyLink}
        </button>
        <button
          type="button"
          className="header-button lang-switch"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          aria-label={t.switchLanguageLabel}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t.switchLanguage}
        </button>
      </div>
    </header>
  );
}
