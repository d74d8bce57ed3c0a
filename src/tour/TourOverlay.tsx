import './tour.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { figures, groups, sections, sites } from '../data/geodata';
import { figureScope } from '../data/selectors';
import { SHARE_STRINGS } from '../embed/shareStrings';
import { useT } from '../i18n/useT';
import { TAB_ID } from '../lib/keyed';
import { FigureCard } from '../panel/FigureCard';
import { useApp } from '../state/store';
import { exitTour } from './controller';
import { openEditor } from './editor/editorState';
import { toggleFullscreen } from './fullscreen';
import { isBigScreen } from './padding';
import { pickText, TourText } from './TourText';
import { useTour } from './tourState';
import { useKiosk } from './useKiosk';
import { useTourKeys } from './useTourKeys';

// The corner QR code (and its library) loads when the presenter shows it.
const TourQr = lazy(() => import('../embed/TourQr').then((m) => ({ default: m.TourQr })));

function openSpeakerView(index: number, lang: string) {
  const url = new URL(location.href);
  url.search = '';
  url.searchParams.set('speaker', '1');
  url.searchParams.set('tour', String(index + 1));
  // The speaker view follows and drives this window only, not the app's other tabs.
  url.searchParams.set('presenter', TAB_ID);
  if (lang !== 'zh') url.searchParams.set('lang', lang);
  window.open(url.href, 'suichang-speaker', 'width=900,height=640');
}

/** The tour over the live map: caption, two to four key figures, progress and controls. */
export function TourOverlay() {
  const active = useTour((s) => s.active);
  const index = useTour((s) => s.index);
  const kiosk = useTour((s) => s.kiosk);
  const stops = useTour((s) => s.tour.stops);
  const paused = useTour((s) => s.paused);
  const theme = useTour((s) => s.theme);
  const setTheme = useTour((s) => s.setTheme);
  const lang = useApp((s) => s.lang);
  const t = useT();
  const [fullscreen, setFullscreen] = useState(false);
  // On a phone the caption and figures can be folded away to give the map the screen (kept across stops).
  const [folded, setFolded] = useState(false);
  const [qrShown, setQrShown] = useState(false);
  const region = useRef<HTMLElement>(null);
  // Keys go to the tour, not to the button that started it (Space on that button would end it).
  useEffect(() => {
    if (active) region.current?.focus({ preventScroll: true });
  }, [active]);
  useTourKeys(active);
  useKiosk();
  useEffect(() => {
    const on = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);

  const stop = stops[index];
  if (!active || !stop) return null;
  const section = sections.find((s) => s.id === stop.section);
  const stopFigures = stop.figures.map((id) => figures.find((f) => f.id === id)).filter((f) => f !== undefined);
  const big = theme === 'big' || (theme === 'auto' && typeof innerWidth === 'number' && innerWidth >= 1800);
  return (
    <>
      <section className="tour" aria-labelledby="tour-title" data-stop={stop.id} tabIndex={-1} ref={region}>
        <div className="tour-card">
          <p className="tour-kicker">
            <span>{t.tourProgress(index + 1, stops.length)}</span>
            {section && section.n > 0 && <span> · {section.short[lang]}</span>}
            {kiosk && <span className="kiosk-state"> · {paused ? t.kioskPaused : t.kioskRunning}</span>}
          </p>
          <h2 id="tour-title" className="tour-title" aria-live="polite">
            <TourText value={stop.title} lang={lang} />
          </h2>
          <button
            type="button"
            className="tour-fold"
            aria-expanded={!folded}
            aria-controls="tour-details"
            onClick={() => setFolded(!folded)}
          >
            {folded ? t.tourDetailsShow : t.tourDetailsHide}
          </button>
          <div id="tour-details" className={folded ? 'tour-details folded' : 'tour-details'}>
            <p className="tour-caption">
              <TourText value={stop.caption} lang={lang} />
            </p>
            <div className={`tour-figures n${stopFigures.length}`}>
              {stopFigures.map((f) => {
                const scope = figureScope(f, sites, groups);
                const tag =
                  scope.kind === 'county'
                    ? t.scopeCounty
                    : scope.kind === 'group'
                      ? scope.group.name[lang]
                      : scope.site.properties.name[lang];
                return <FigureCard key={f.id} figure={f} scope={tag} />;
              })}
            </div>
          </div>
        </div>
        <nav className="tour-bar" aria-label={t.tourRegion}>
          <button type="button" onClick={() => useTour.getState().prev()} disabled={index === 0 && !kiosk} aria-label={t.tourPrev}>
            ←
          </button>
          <ol className="tour-dots">
            {stops.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="tour-dot"
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={t.tourStop(i + 1, pickText(s.title, lang).text)}
                  onClick={() => useTour.getState().goTo(i)}
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => useTour.getState().next()}
            disabled={index === stops.length - 1 && !kiosk}
            aria-label={t.tourNext}
          >
            →
          </button>
          <span className="tour-tools">
            <button type="button" onClick={toggleFullscreen} aria-pressed={fullscreen}>
              {fullscreen ? t.exitFullscreen : t.fullscreen}
            </button>
            <button type="button" aria-pressed={big} onClick={() => setTheme(big ? 'normal' : 'big')}>
              {t.bigScreen}
            </button>
            <button type="button" aria-pressed={qrShown} onClick={() => setQrShown(!qrShown)}>
              {qrShown ? SHARE_STRINGS[lang].tourQrHide : SHARE_STRINGS[lang].tourQr}
            </button>
            <button type="button" onClick={() => openSpeakerView(index, lang)}>
              {t.speakerView}
            </button>
            <button type="button" onClick={() => openEditor(index)}>
              {t.editTour}
            </button>
            <button type="button" className="tour-exit" onClick={exitTour}>
              {t.tourExit}
            </button>
          </span>
        </nav>
        <p className="tour-help">{t.keyHelp}</p>
      </section>
      {qrShown && (
        <Suspense fallback={null}>
          <TourQr big={big} />
        </Suspense>
      )}
    </>
  );
}

/** Whether the big-screen theme is on (automatic on large screens during the tour). */
export function useBigScreen(): boolean {
  const active = useTour((s) => s.active);
  const theme = useTour((s) => s.theme);
  const [width, setWidth] = useState(() => (typeof innerWidth === 'number' ? innerWidth : 0));
  useEffect(() => {
    const onResize = () => setWidth(innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return active && isBigScreen(theme, width);
}
