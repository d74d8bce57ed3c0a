/**
 * The tour's camera padding, as data: the caption card covers the lower left (a phone's lower part),
 * so a stop is framed beside it. The card is 560 px wide (900 px on a big screen, styles.css), plus a
 * 40 px margin, and never more than half the map.
 */
import type { PaddingSpec } from '../map/camera';
import type { Theme } from './tourState';

export const CARD_WIDTH_PX = { normal: 560, big: 900 } as const;
export const BIG_SCREEN_MIN_WIDTH = 1800;

/** Whether the tour shows in the big-screen theme (for this theme choice and window width). */
export const isBigScreen = (theme: Theme, windowWidth: number) =>
  theme === 'big' || (theme === 'auto' && windowWidth >= BIG_SCREEN_MIN_WIDTH);

export function tourPadding(big: boolean): PaddingSpec {
  return {
    narrow: { top: 30, left: 20, right: 20, bottom: { ofHeight: 0.55 } },
    wide: { top: 50, left: { ofWidth: 0.5, max: (big ? CARD_WIDTH_PX.big : CARD_WIDTH_PX.normal) + 40 }, right: 60, bottom: 60 },
  };
}
