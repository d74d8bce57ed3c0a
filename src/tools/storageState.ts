/**
 * What the browser has kept of the planner's work, as plain data: whether storage works, what the
 * last failed save left unkept and why, each imported layer's save, and how much is stored.
 * Written by persist.ts; read by the storage notice and the tools panel.
 */
import { create } from 'zustand';
import type { StorageFaultKind } from '../lib/db';

export type SaveState = 'saving' | 'saved' | 'failed' | 'session';

export interface StorageState {
  /** 'unknown' until the saved work was read; 'unavailable' when nothing can be kept after a reload. */
  status: 'unknown' | 'ok' | 'unavailable';
  /** The last save that failed and what it did not keep; cleared when a later save of the same work succeeds. */
  failure: { kind: StorageFaultKind; drawings: boolean; layers: string[] } | null;
  /** Each imported layer's save, by layer id. */
  layers: Record<string, SaveState>;
  /** navigator.storage.persist() granted (the browser will not evict the work under storage pressure). */
  persisted: boolean | null;
  /** navigator.storage.estimate(): bytes stored by this site, and the quota. */
  estimate: { usage: number; quota: number } | null;
  /** The notice was dismissed (it comes back with the next failure). */
  dismissed: boolean;
  dismiss: () => void;
}

export const useStorage = create<StorageState>()((set) => ({
  status: 'unknown',
  failure: null,
  layers: {},
  persisted: null,
  estimate: null,
  dismissed: false,
  dismiss: () => set({ dismissed: true }),
}));
