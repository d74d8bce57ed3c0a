/**
 * Sizes both the TypeScript and the stylesheets need, in one place. src/styles/tokens.css declares the
 * same as custom properties (tests/unit/tokens.test.ts keeps them equal), and the camera keeps clear of
 * the panels these sizes describe.
 */
export const SIZES = {
  /** The planner's tools panel: its width and its inset from the map's right edge (past the map controls). */
  toolsPanelWidth: 360,
  toolsPanelRight: 54,
  /** The tour's caption card, and on a big screen. */
  tourCardWidth: 560,
  tourCardWidthBig: 900,
  /** Below this map width the layout is a phone's: panels become sheets. */
  narrowMapWidth: 700,
} as const;
