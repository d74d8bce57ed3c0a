import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { useApp } from '../state/store';

/** At most this many notices at once; the rest are counted, not shown (a crafted link cannot flood the page). */
export const MAX_SHOWN_NOTICES = 5;

/**
 * Short notices (a bad link, a failed copy, work that could not be saved): announced politely,
 * dismissed by the reader. `children` are notices owned elsewhere (the storage notice).
 */
export function Notices({ onUpdate, children }: { onUpdate?: () => void; children?: ReactNode }) {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  const updateReady = useApp((s) => s.updateReady);
  const setUpdateReady = useApp((s) => s.setUpdateReady);
  const t = useT();
  const shown = notices.slice(-MAX_SHOWN_NOTICES);
  const hidden = notices.length - shown.length;
  return (
    <div className="notices" role="status" aria-live="polite">
      {updateReady && onUpdate && (
        <div className="notice">
          <span>{t.updateReady}</span>
          <button type="button" className="notice-action" onClick={onUpdate}>
            {t.reload}
          </button>
          <button type="button" onClick={() => setUpdateReady(false)} aria-label={t.dismiss}>
            ×
          </button>
        </div>
      )}
      {children}
      {hidden > 0 && <div className="notice notice-more">{t.moreNotices(hidden)}</div>}
      {shown.map((n) => (
        <div key={n.id} className="notice">
          <span>{n.text}</span>
          <button type="button" onClick={() => dismiss(n.id)} aria-label={t.dismiss}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
