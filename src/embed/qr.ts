/**
 * A QR code as one SVG path, made in the page (uqr: no server, no network). Error correction M (15 %)
 * and at most version 20 (97×97 modules): a denser code does not scan from the back of a meeting room
 * on a 1080p screen. A longer text gives null, and the caller falls back to a shorter link.
 */
import { encode } from 'uqr';

export const MAX_VERSION = 20;

export interface QrPath {
  /** Modules per side, the quiet zone included. */
  size: number;
  /** The dark modules, in module units. */
  d: string;
}

export function qrPath(text: string): QrPath | null {
  let qr: ReturnType<typeof encode>;
  try {
    qr = encode(text, { ecc: 'M', border: 4, maxVersion: MAX_VERSION });
  } catch {
    return null;
  }
  let d = '';
  qr.data.forEach((row, y) => {
    // Runs of dark modules as one rectangle each: a third of the path of one square per module.
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      d += `M${x} ${y}h${end - x + 1}v1h${-(end - x + 1)}z`;
      x = end;
    }
  });
  return { size: qr.size, d };
}
