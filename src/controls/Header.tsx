import { lazy, Suspense, useState } from 'react';
import { currentSearch } from '../app/urlSync';
import { fullMapHref } from '../embed/embedParams';
import { SHARE_STRINGS } from '../embed/shareStrings';
import { TOOL_STRINGS } from '../i18n/toolStrings';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';
import { useTools } from '../tools/toolsState';
import { exitTour, startChosenTour } from '../tour/controller';
import { useTour } from '../tour/tourState';
import { Search } from './Search';
import { TourChooser } from './TourChooser';

// The Share dialog (and the QR code's library) loads when first opened.
const ShareDialog = lazy(() => import('../embed/ShareDialog').then((m) => ({ default: m.ShareDialog })));

export function Header() {
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  const t = useT();
  const touring = useTour((s) => s.active);
  const toolsOpen = useTools((s) => s.open);
  const tt = TOOL_STRINGS[lang];
  const st = SHARE_STRINGS[lang];
  const [sharing, setSharing] = useState(false);
  const large = useApp((s) => s.textSize === 'large');
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
        {/* On a phone these two are icons (controls.css), so the actions keep to one row down to 320 px. */}
        <button
          type="button"
          className="header-button share-button icon-on-phone"
          aria-haspopup="dialog"
          aria-label={st.share}
          onClick={() => setSharing(true)}
        >
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1Z"
              fill="currentColor"
            />
          </svg>
          <span className="button-text">{st.share}</span>
        </button>
        {/* Shown in the embedded layout only (embed.css): the same view in the full map, in a new window. */}
        <a
          className="header-button open-full"
          href="./"
          target="_blank"
          rel="noopener"
          aria-label={st.openFullLabel}
          onClick={(e) => {
            e.currentTarget.href = fullMapHref(new URL(currentSearch(true), location.href).href);
          }}
        >
          {st.openFull}
        </a>
        <button
          type="button"
          className="header-button text-size icon-on-phone"
          aria-pressed={large}
          aria-label={st.largeTextLabel}
          onClick={() => useApp.getState().setTextSize(large ? 'normal' : 'large')}
        >
          <span className="button-icon" aria-hidden="true">
            A+
          </span>
          <span className="button-text">{st.largeText}</span>
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
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setSharing(false)} />
        </Suspense>
      )}
    </header>
  );
}
