import { useEffect, useRef, useState } from 'react';
import { siteById } from '../data/geodata';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';
import { useTour } from '../tour/tourState';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useFirstView } from '../ui/firstView';
import { Overview } from './Overview';
import { SiteList } from './SiteList';
import { SitePanel } from './SitePanel';

type Sheet = 'peek' | 'half' | 'full';
const NEXT: Record<Sheet, Sheet> = { peek: 'half', half: 'full', full: 'peek' };

/**
 * The side panel, a landmark whose heading is the selected site's name (or the
 * overview's). On a phone it is a bottom sheet with three heights.
 */
export function SidePanel() {
  const selectedId = useApp((s) => s.selectedId);
  const select = useApp((s) => s.select);
  const t = useT();
  const firstView = useFirstView();
  const site = siteById(selectedId);
  const [sheet, setSheet] = useState<Sheet>('half');
  const scroller = useRef<HTMLDivElement>(null);
  const drag = useRef<{ y: number; sheet: Sheet } | null>(null);

  // A new selection starts at the top of the panel, and the sheet opens far enough to read it.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    if (selectedId) setSheet((s) => (s === 'peek' ? 'half' : s));
  }, [selectedId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.key === 'Escape' &&
        !e.defaultPrevented &&
        !useTour.getState().active &&
        useApp.getState().selectedId &&
        !(e.target as HTMLElement)?.closest?.('[role="combobox"]')
      ) {
        useApp.getState().select(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const headingId = 'panel-heading';
  return (
    <aside className={`side-panel sheet-${sheet}`} aria-labelledby={headingId}>
      <div
        className="sheet-handle"
        onPointerDown={(e) => {
          drag.current = { y: e.clientY, sheet };
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (!d) return;
          const dy = e.clientY - d.y;
          if (Math.abs(dy) < 8) return;
          const order: Sheet[] = ['peek', 'half', 'full'];
          const i = order.indexOf(d.sheet) + (dy < 0 ? 1 : -1);
          setSheet(order[Math.max(0, Math.min(2, i))] as Sheet);
        }}
      >
        <button
          type="button"
          className="sheet-toggle"
          aria-label={sheet === 'full' ? t.sheetCollapse : t.sheetExpand}
          onClick={() => setSheet(NEXT[sheet])}
        >
          <span aria-hidden="true" className="grip" />
        </button>
      </div>
      {site && (
        <button type="button" className="panel-close" aria-label={t.closePanel} onClick={() => select(null)}>
          <span aria-hidden="true">×</span>
        </button>
      )}
      <div className="panel-scroll" ref={scroller}>
        <ErrorBoundary label={t.siteFigures} key={selectedId ?? 'overview'}>
          {site ? <SitePanel site={site} headingId={headingId} /> : <Overview headingId={headingId} />}
        </ErrorBoundary>
        {!firstView && (
          <ErrorBoundary label={t.siteList}>
            <SiteList />
          </ErrorBoundary>
        )}
      </div>
    </aside>
  );
}
