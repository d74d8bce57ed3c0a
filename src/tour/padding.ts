/**
 * The tour's camera padding, as data: the caption card covers the lower left (a phone's lower part),
 * declared as what the tour's feature covers (src/tour/mapFeature.ts), so every move keeps clear of
 * it; a stop adds its own margins. The card's width (src/ui/sizes.ts) plus a 40 px margin, never more
 * than half the map.
 */
import type { PaddingSpec } from '../map/camera';
import { SIZES } from '../ui/sizes';
import type { Theme } from './tourState';

export const BIG_SCREEN_MIN_WIDTH = 1800;

/** Whether the tour shows in the big-screen theme (for this theme choice and window width). */
export const isBigScreen = (theme: Theme, windowWidth: number) =>
  theme === 'big' || (theme === 'auto' && windowWidth >= BIG_SCREEN_MIN_WIDTH);

/** What the caption card covers while the tour runs (or the editor frames a stop as the tour will). */
export function tourCover(big: boolean): PaddingSpec {
  return {
    narrow: { top: 0, left: 0, right: 0, bottom: { ofHeight: 0.55 } },
    wide: { top: 0, left: { ofWidth: 0.5, max: (big ? SIZES.tourCardWidthBig : SIZES.tourCardWidth) + 40 }, right: 0, bottom: 0 },
  };
}

/** A stop's own margins, beside the card. */
export const STOP_FRAME: PaddingSpec = {
  narrow: { top: 30, left: 20, right: 20, bottom: 0 },
  wide: { top: 50, left: 0, right: 60, bottom: 60 },
};
