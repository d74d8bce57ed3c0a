/** The link to copy by hand, selected, where the browser gives no clipboard: text in an input, never markup. */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT';
import { useCopyFallback } from './copyLink';

export function CopyFallback() {
  const url = useCopyFallback((s) => s.url);
  const t = useT();
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (!url) return;
    input.current?.focus();
    input.current?.select();
  }, [url]);
  if (!url) return null;
  const close = () => useCopyFallback.setState({ url: null });
  return (
    <div className="notice copy-fallback" role="dialog" aria-labelledby="copy-fallback-title">
      <label>
        <span id="copy-fallback-title">{t.copyByHand}</span>
        <input
          ref={input}
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        />
      </label>
      <button type="button" onClick={close} aria-label={t.dismiss}>
        ×
      </button>
    </div>
  );
}
