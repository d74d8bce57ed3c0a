import { useT } from '../i18n/useT';
import { useApp } from '../state/store';

/** Short notices (a bad link, a failed copy): announced politely, dismissed by the reader. */
export function Notices({ onUpdate }: { onUpdate?: () => void }) {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  const updateReady = useApp((s) => s.updateReady);
  const setUpdateReady = useApp((s) => s.setUpdateReady);
  const t = useT();
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
      {notices.map((n) => (
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
