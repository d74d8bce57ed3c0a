/** The presenter's two windows (map and speaker notes) keep in step over a BroadcastChannel. */
import type { TourStopDef } from '../data/schema';

/** `goto` from the map window carries the tour's stops: the speaker view shows the tour being played. */
export type TourMessage = { type: 'goto'; index: number; stops?: TourStopDef[] } | { type: 'hello' } | { type: 'exit' };

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
