/**
 * The presenter's two windows (map and speaker notes) keep in step over a BroadcastChannel. Messages
 * are addressed: a map window's carry `from` (its tab id), a speaker view's `to` (its map window's), so
 * other tabs of the app — a planner's tools in one tab, the tour in another — never follow a tour they
 * did not start.
 */
import type { TourStopDef } from '../data/schema';

/** `goto` from the map window carries the tour's stops: the speaker view shows the tour being played. */
export type TourMessage = ({ type: 'goto'; index: number; stops?: TourStopDef[] } | { type: 'hello' } | { type: 'exit' }) & {
  /** A map window's tab id (its messages are for speaker views only). */
  from?: string;
  /** The map window a speaker view speaks to (none: one opened by hand, not yet paired). */
  to?: string;
};

const NAME = 'suichang-tour';

export function openChannel(onMessage: (m: TourMessage) => void): { post: (m: TourMessage) => void; close: () => void } {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(NAME);
  channel.onmessage = (e: MessageEvent) => {
    const m = e.data as TourMessage;
    if (m && (m.type === 'goto' || m.type === 'hello' || m.type === 'exit')) onMessage(m);
  };
  return { post: (m) => channel.postMessage(m), close: () => channel.close() };
}
