import './tour.css';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';
import { openChannel, type TourMessage } from './channel';
import { tourAction } from './keys';
import { stops as builtIn } from './stops';
import { TourText } from './TourText';

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
};

/** The presenter's second window: this and the next stop's notes, a clock; advancing here moves the map window. */
export function SpeakerView({ initial }: { initial: number }) {
  const lang = useApp((s) => s.lang);
  const t = useT();
  // The built-in tour until the map window says which tour it plays.
  const [stops, setStops] = useState(builtIn);
  const [index, setIndex] = useState(Math.max(0, Math.min(builtIn.length - 1, initial)));
  const [elapsed, setElapsed] = useState(0);
  const channel = useRef<{ post: (m: TourMessage) => void; close: () => void } | null>(null);

  // The map window this view follows: named in the link that opened it, else the first that answers.
  const presenter = useRef<string | undefined>(new URLSearchParams(location.search).get('presenter') ?? undefined);
  useEffect(() => {
    const ch = openChannel((m) => {
      if (m.type !== 'goto' || m.from === undefined) return;
      presenter.current ??= m.from;
      if (m.from !== presenter.current) return;
      if (m.stops) setStops(m.stops);
      setIndex(m.index);
    });
    channel.current = ch;
    ch.post({ type: 'hello', to: presenter.current });
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - started), 1000);
    return () => {
      clearInterval(timer);
      ch.close();
    };
  }, []);

  const go = (i: number) => {
    const next = Math.max(0, Math.min(stops.length - 1, i));
    setIndex(next);
    channel.current?.post({ type: 'goto', index: next, to: presenter.current });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = tourAction(e.key, e.shiftKey, stops.length);
      if (!a || a.kind === 'fullscreen') return;
      e.preventDefault();
      if (a.kind === 'next') go(index + 1);
      else if (a.kind === 'prev') go(index - 1);
      else if (a.kind === 'goto') go(a.index);
      else channel.current?.post({ type: 'exit', to: presenter.current });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.title = t.speakerTitle;
  }, [t]);

  const stop = stops[index];
  const next = stops[index + 1];
  if (!stop) return null;
  return (
    <main className="speaker" aria-labelledby="speaker-current">
      <header className="speaker-head">
        <p>{t.tourProgress(index + 1, stops.length)}</p>
        <p className="speaker-clock">
          {t.elapsed} <time>{clock(elapsed)}</time>
        </p>
      </header>
      <section className="speaker-current">
        <h1 id="speaker-current">
          <TourText value={stop.title} lang={lang} />
        </h1>
        <h2>{t.speakerNotes}</h2>
        <p className="speaker-notes">
          <TourText value={stop.notes} lang={lang} />
        </p>
        <p className="speaker-caption">
          <TourText value={stop.caption} lang={lang} />
        </p>
      </section>
      <section className="speaker-next" aria-labelledby="speaker-next-title">
        <h2 id="speaker-next-title">{t.speakerNext}</h2>
        {next ? (
          <>
            <p className="speaker-next-title">
              <TourText value={next.title} lang={lang} />
            </p>
            <p>
              <TourText value={next.notes} lang={lang} />
            </p>
          </>
        ) : (
          <p>{t.speakerEnd}</p>
        )}
      </section>
      <nav className="speaker-controls" aria-label={t.tourRegion}>
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          ← {t.tourPrev}
        </button>
        <button type="button" onClick={() => go(index + 1)} disabled={index === stops.length - 1}>
          {t.tourNext} →
        </button>
      </nav>
    </main>
  );
}
