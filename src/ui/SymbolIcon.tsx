import type { LayerDef } from '../data/schema';

const PATHS: Record<LayerDef['symbol'], string> = {
  square: 'M3 3h10v10H3z',
  triangle: 'M8 2l6.5 11.5h-13z',
  diamond: 'M8 1.5l6.5 6.5L8 14.5 1.5 8z',
  star: 'M8 1.2l1.9 4.3 4.7.4-3.6 3.1 1.1 4.6L8 11.2l-4.1 2.4 1.1-4.6-3.6-3.1 4.7-.4z',
  circle: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z',
  hexagon: 'M8 1.5l5.6 3.25v6.5L8 14.5l-5.6-3.25v-6.5z',
};

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
        fill={hollow ? '#fff' : color}
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
