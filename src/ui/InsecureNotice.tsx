/**
 * Served over plain http (an intranet address on a private IP or an internal host name): the page is not a secure
 * context, so the browser gives no service worker (offline use), no clipboard and no file handles. Said
 * once, in the current language, until dismissed; everything else works.
 */
import { useState } from 'react';
import { useT } from '../i18n/useT';

const DISMISSED = 'suichang:insecure-notice-dismissed';

export const insecureContext = () => typeof window !== 'undefined' && window.isSecureContext === false && location.protocol !== 'file:';

function wasDismissed(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED) === '1';
  } catch {
    return false;
  }
}

export function InsecureNotice() {
  const t = useT();
  const [shown, setShown] = useState(() => insecureContext() && !wasDismissed());
  if (!shown) return null;
  const dismiss = () => {
    setShown(false);
    try {
      sessionStorage.setItem(DISMISSED, '1');
    } catch {
      // Not kept: it comes back after a reload.
    }
  };
  return (
    <div className="notice insecure-notice" data-notice="insecure-context">
      <span>{t.insecureContext}</span>
      <button type="button" onClick={dismiss} aria-label={t.dismiss}>
        ×
      </button>
    </div>
  );
}
