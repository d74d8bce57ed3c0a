/**
 * "分享 · Share": the link of the current view with its QR code, and the code to embed the map in another
 * page (options, size, a live preview). Non-modal, so the copy-by-hand notice of a browser without a
 * clipboard (plain-http intranets) stays reachable; Escape or the close button closes it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { currentSearch, currentUrlState, viewSearch } from '../app/urlSync';
import { siteById } from '../data/geodata';
import { STRINGS } from '../i18n/strings';
import { ALL_LAYER_IDS, useApp } from '../state/store';
import { copyLink } from '../ui/copyLink';
import { QrCode } from './QrCode';
import { qrPath } from './qr';
import { clampSize, embedLink, type FrameSize, iframeSnippet, qrText, shareBase } from './shareLink';
import { SHARE_STRINGS } from './shareStrings';
import './share.css';

const base = () => shareBase(import.meta.env.VITE_PUBLIC_URL as string | undefined, location.href, import.meta.env.BASE_URL);

function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-live="polite"
      onClick={async () => {
        if (!(await copyLink(text))) return;
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? done : label}
    </button>
  );
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const lang = useApp((s) => s.lang);
  const selectedId = useApp((s) => s.selectedId);
  const t = SHARE_STRINGS[lang];
  const tt = STRINGS[lang];
  const titleId = useId();
  const box = useRef<HTMLDivElement | null>(null);
  // The view when the dialog opened: a snapshot, so the code does not change under the user's copy.
  const [snap] = useState(() => ({ search: currentSearch(true), view: viewSearch(), state: currentUrlState(true) }));
  const link = `${base()}${snap.search}`;
  const { qr, fallback } = useMemo(() => qrText(link, `${base()}${snap.view}`, qrPath), [link, snap.view]);

  const site = siteById(selectedId);
  const [withSite, setWithSite] = useState(Boolean(site));
  const [withView, setWithView] = useState(true);
  const [withLayers, setWithLayers] = useState(true);
  const [embedLang, setEmbedLang] = useState(lang);
  const [autoplay, setAutoplay] = useState(false);
  const [sizeKind, setSizeKind] = useState<FrameSize['kind']>('fixed');
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(500);
  const [preview, setPreview] = useState(false);
  const options = (where: string) =>
    embedLink(
      where,
      {
        site: withSite && site ? site.properties.id : null,
        view: withView ? snap.state.view : null,
        layers: withLayers ? snap.state.layers : null,
        lang: embedLang,
        autoplay,
      },
      ALL_LAYER_IDS,
    );
  const src = options(base());
  // The preview is this deployment's own page, wherever the public address points.
  const previewSrc = options(new URL(import.meta.env.BASE_URL, location.href).href);
  const size: FrameSize =
    sizeKind === 'fixed'
      ? { kind: 'fixed', width: clampSize(width, 320, 1920, 800), height: clampSize(height, 400, 1200, 500) }
      : { kind: 'responsive', height: clampSize(height, 400, 1200, 500) };
  const snippet = iframeSnippet(src, size, t.frameTitle);

  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, button')?.focus();
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);

  return (
    <div className="share-dialog" role="dialog" aria-labelledby={titleId} ref={box}>
      <div className="share-head">
        <h2 id={titleId}>{t.shareTitle}</h2>
        <button type="button" className="share-close" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="share-body">
        <section className="share-link" aria-label={t.link}>
          <label>
            {t.link}
            <input readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <CopyButton text={link} label={tt.copyLink} done={tt.linkCopied} />
          {qr ? (
            <figure className="share-qr">
              <QrCode qr={qr} label={t.scanToOpen} size={200} />
              <figcaption>{t.scanToOpen}</figcaption>
            </figure>
          ) : (
            <p className="share-note">{t.qrFailed}</p>
          )}
          {fallback && qr && <p className="share-note">{t.qrFallback}</p>}
          {import.meta.env.VITE_PUBLIC_URL && <p className="share-note">{t.publicNote(new URL(base()).origin)}</p>}
        </section>
        <section className="share-embed" aria-label={t.embed}>
          <h3>{t.embed}</h3>
          <p className="share-note">{t.embedIntro}</p>
          <fieldset>
            {site && (
              <label>
                <input type="checkbox" checked={withSite} onChange={(e) => setWithSite(e.target.checked)} />
                {t.withSite(lang === 'zh' ? site.properties.name.zh : site.properties.name.en)}
              </label>
            )}
            <label>
              <input type="checkbox" checked={withView} onChange={(e) => setWithView(e.target.checked)} />
              {t.withView}
            </label>
            <label>
              <input type="checkbox" checked={withLayers} onChange={(e) => setWithLayers(e.target.checked)} />
              {t.withLayers}
            </label>
            <label>
              <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} />
              {t.autoplay}
            </label>
            <label>
              {t.language}
              <select value={embedLang} onChange={(e) => setEmbedLang(e.target.value === 'en' ? 'en' : 'zh')}>
                <option value="zh">中文</option>
                <option value="en">English</option>
              </select>
            </label>
          </fieldset>
          <fieldset className="share-size">
            <legend>{t.size}</legend>
            <label>
              <input type="radio" name="share-size" checked={sizeKind === 'fixed'} onChange={() => setSizeKind('fixed')} />
              {t.fixed}
            </label>
            <label>
              <input type="radio" name="share-size" checked={sizeKind === 'responsive'} onChange={() => setSizeKind('responsive')} />
              {t.responsive}
            </label>
            {sizeKind === 'fixed' && (
              <label>
                {t.width}
                <input type="number" min={320} max={1920} value={width} onChange={(e) => setWidth(Number(e.target.value))} />
              </label>
            )}
            <label>
              {t.height}
              <input type="number" min={400} max={1200} value={height} onChange={(e) => setHeight(Number(e.target.value))} />
            </label>
          </fieldset>
          <label className="share-code">
            {t.code}
            <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.target.select()} />
          </label>
          <div className="share-actions">
            <CopyButton text={snippet} label={t.copy} done={t.copied} />
            <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
              {preview ? t.hidePreview : t.preview}
            </button>
          </div>
          {preview && (
            <div className="share-preview">
              <iframe
                src={previewSrc}
                title={t.frameTitle}
                style={size.kind === 'fixed' ? { width: size.width, height: size.height } : { width: '100%', height: size.height }}
              />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
