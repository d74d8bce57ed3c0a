/**
 * A collection kept in IndexedDB one item per key (`prefix + id`), so that a save touches only what
 * changed and two tabs saving at once never overwrite each other's items (each tab writing its whole
 * list lost the other tab's work). Every committed change is announced to the app's other tabs
 * (BroadcastChannel; the `storage` event where there is none), which read the changed items back.
 * IndexedDB commits transactions one after another, so two tabs writing the same item end with the
 * later write: every tab then holds that one.
 */
import { keysWithPrefix, readKeys, type Write, write } from './db';
import { newId } from './ids';

/** This tab, so it does not answer its own announcements. */
export const TAB_ID = newId('tab');

export interface Announcement {
  collection: string;
  ids: string[];
  from: string;
}

const CHANNEL = 'suichang-work';
const STORAGE_KEY = 'suichang:changed';

type Listener = (a: Announcement) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null | undefined;

function deliver(a: unknown): void {
  const m = a as Partial<Announcement> | null;
  if (!m || typeof m.collection !== 'string' || !Array.isArray(m.ids) || m.from === TAB_ID) return;
  for (const l of listeners) l(m as Announcement);
}

/** Starts listening to the other tabs (once). */
function listen(): void {
  if (channel !== undefined) return;
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  } catch {
    channel = null;
  }
  if (channel) channel.onmessage = (e) => deliver(e.data);
  else if (typeof window !== 'undefined')
    window.addEventListener('storage', (e) => {
      if (e.key !== STORAGE_KEY || !e.newValue) return;
      try {
        deliver(JSON.parse(e.newValue));
      } catch {
        // Not ours.
      }
    });
}

function announce(a: Announcement): void {
  listen();
  try {
    if (channel) channel.postMessage(a);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...a, at: Date.now() }));
  } catch {
    // No way to tell the other tabs: each still keeps the other's items, and sees them after a reload.
  }
}

/** Listens to changes other tabs made (to any collection). */
export function onOtherTabs(listener: Listener): () => void {
  listen();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The layout of the stored work. A tab of an older version open beside a newer one must not write
 * over data the newer one wrote in a layout it does not know: it reads the version first, and
 * refuses to write when the stored one is newer.
 */
export const LAYOUT_KEY = 'suichang:layout';
export const LAYOUT_VERSION = 2;

export class KeyedCollection<T> {
  constructor(
    readonly name: string,
    readonly prefix: string,
  ) {}

  key(id: string): string {
    return `${this.prefix}${id}`;
  }

  /** Every item, by id, in the order of their ids. */
  async readAll(): Promise<Map<string, T>> {
    const keys = (await keysWithPrefix(this.prefix)).sort();
    const values = await readKeys(keys);
    return new Map(keys.flatMap((k, i) => (values[i] === undefined ? [] : [[k.slice(this.prefix.length), values[i] as T]])));
  }

  /** Some items by id (undefined: not there, deleted by another tab). */
  async read(ids: readonly string[]): Promise<Map<string, T | undefined>> {
    const values = await readKeys(ids.map((id) => this.key(id)));
    return new Map(ids.map((id, i) => [id, values[i] as T | undefined]));
  }

  /**
   * Puts and deletes items (and any `extra` keys, such as a layer's features) in one transaction;
   * once committed, the other tabs are told which items changed.
   */
  async commit(put: readonly [string, T][], del: readonly string[] = [], extra: Write = {}): Promise<void> {
    if (put.length === 0 && del.length === 0 && !extra.put?.length && !extra.del?.length) return;
    await write({
      put: [...put.map(([id, v]): [string, unknown] => [this.key(id), v]), ...(extra.put ?? [])],
      del: [...del.map((id) => this.key(id)), ...(extra.del ?? [])],
      // Never over the work of a newer version open in another tab.
      guard: { key: LAYOUT_KEY, max: LAYOUT_VERSION },
    });
    const ids = [...put.map(([id]) => id), ...del];
    if (ids.length > 0) announce({ collection: this.name, ids, from: TAB_ID });
  }

  /** Changes another tab made to this collection: the ids, to read back. */
  onRemote(listener: (ids: string[]) => void): () => void {
    return onOtherTabs((a) => {
      if (a.collection === this.name) listener(a.ids);
    });
  }
}

/** Records this version's layout once its migration is written (refused, StorageFault 'newer', over a newer one). */
export const claimLayout = (migration: Write = {}) =>
  write({ ...migration, put: [...(migration.put ?? []), [LAYOUT_KEY, LAYOUT_VERSION]], guard: { key: LAYOUT_KEY, max: LAYOUT_VERSION } });
