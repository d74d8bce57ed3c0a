import type { LayerDef } from '../data/schema';
import { PALETTE } from '../map/palette';
import { SYMBOL_PATHS as PATHS } from './symbolPaths';

/** The layer's map marker as a small SVG: colour and shape together, never colour alone. */
export function SymbolIcon({
  symbol,
  color,
  hollow = false,
  size = 16,
}: {
  symbol: LayerDef['symbol'];
  color: string;
  hollow?: boolean;
  size?: number;
}) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="symbol-icon">
      <path
        d={PATHS[symbol]}
        fill={hollow ? PALETTE.white : color}
        stroke={color}
        strokeWidth={hollow ? 1.8 : 1}
        strokeDasharray={hollow ? '2.5 1.5' : undefined}
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Legend swatch for polygons of each precision. */
export function AreaSwatch({ color, precision }: { color: string; precision: 'official' | 'described' | 'indicative' }) {
  const fill = precision === 'official' ? 0.5 : precision === 'described' ? 0.32 : 0.16;
  return (
    <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" focusable="false" className="symbol-icon">
      <rect
        x="1"
        y="1"
        width="20"
        height="12"
        fill={color}
        fillOpacity={fill}
        stroke={color}
        strokeWidth="1.8"
        strokeDasharray={precision === 'indicative' ? '3 2' : undefined}
      />
    </svg>
  );
}
