/**
 * The tour button's chooser: beside the button that plays the chosen tour, a small menu of every tour —
 * the built-in one and the presenter's own, with their stop counts — to play one without opening the
 * editor. Shown once the presenter has tours of their own.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { startChosenTour } from '../tour/controller';
import { BUILT_IN_ID, stops as builtInStops } from '../tour/stops';
import { chooseTour, useTours } from '../tour/tours';

export function TourChooser() {
  const t = useT();
  const mine = useTours((s) => s.mine);
  const chosen = useTours((s) => s.chosen);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', key);
    };
  }, [open]);
  if (mine.length === 0) return null;
  const tours = [
    { id: BUILT_IN_ID, name: t.builtInTour, count: builtInStops.length },
    ...mine.map((m) => ({ id: m.id, name: m.name, count: m.stops.length })),
  ];
  return (
    <div className="tour-chooser" ref={box}>
      <button
        type="button"
        className="header-button tour-choose"
        aria-label={t.chooseTour}
        title={t.chooseTour}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2 4 6 8 10 4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      {open && (
        <div className="tour-menu" role="menu" aria-label={t.chooseTour}>
          {tours.map((x) => (
            <button
              key={x.id}
              type="button"
              role="menuitemradio"
              aria-checked={x.id === chosen}
              data-tour={x.id}
              onClick={() => {
                setOpen(false);
                chooseTour(x.id);
                startChosenTour();
              }}
            >
              <span className="tour-menu-name">{x.name}</span>
              <span className="tour-menu-count">{t.tourStops(x.count)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
