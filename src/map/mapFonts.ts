/** The font files every label of the map is drawn from (the subset, then the whole font's slices), made once. */
import { fallbackFaces } from '../fontFallback';
import { fontFaces } from '../fonts';
import type { FontFaceFile } from './style';

let faces: FontFaceFile[] | null = null;
export const mapFonts = (): FontFaceFile[] => {
  faces ??= fontFaces(location.href, fallbackFaces);
  return faces;
};
