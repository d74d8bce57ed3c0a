import { SHARE } from '../map/palette';
import type { QrPath } from './qr';

/** A QR code drawn crisp at any size (one path, no smoothing), with its text for assistive technology. */
export function QrCode({ qr, label, size }: { qr: QrPath; label: string; size: number }) {
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill={SHARE.qrLight} />
      <path d={qr.d} fill={SHARE.qrDark} />
    </svg>
  );
}
