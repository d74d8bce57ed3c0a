/**
 * The tour's corner QR code, for a presenter to show: "扫码在手机上打开" with the live view's link
 * (the stop on screen), large enough to scan from the back of a room on a 1080p screen. Loaded only
 * when shown (the code's library with it).
 */
import { currentSearch, viewSearch } from '../app/urlSync';
import { useApp } from '../state/store';
import { useTour } from '../tour/tourState';
import { QrCode } from './QrCode';
import { qrPath } from './qr';
import { qrText, shareBase } from './shareLink';
import { SHARE_STRINGS } from './shareStrings';
import './share.css';

export function TourQr({ big }: { big: boolean }) {
  const lang = useApp((s) => s.lang);
  // Made again at each stop: the code follows the presenter.
  useTour((s) => s.index);
  const base = shareBase(import.meta.env.VITE_PUBLIC_URL as string | undefined, location.href, import.meta.env.BASE_URL);
  const link = `${base}${currentSearch(true)}`;
  const { qr, text, fallback } = qrText(link, `${base}${viewSearch()}`, qrPath);
  const t = SHARE_STRINGS[lang];
  if (!qr) return null;
  return (
    <figure className="tour-qr" data-link={text}>
      <QrCode qr={qr} label={t.scanToOpen} size={big ? 280 : 180} />
      <figcaption>{t.scanToOpen}</figcaption>
      {fallback && <p className="share-note">{t.qrFallback}</p>}
    </figure>
  );
}
