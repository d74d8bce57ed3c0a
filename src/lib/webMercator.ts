/** Web Mercator tile coordinates (fractional; floor for the tile, the rest for the pixel), both ways. Pure. */
export const lonOfX = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
export const latOfY = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
export const xOfLon = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
export function yOfLat(lat: number, z: number): number {
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
}
