/**
 * The service worker: after a first visit the app, its data and fonts work offline;
 * when a new version is deployed the page offers to reload. Not in the one-file build.
 */
import { registerSW } from 'virtual:pwa-register';
import { useApp } from './state/store';

let update: ((reload?: boolean) => Promise<void>) | null = null;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      useApp.getState().setUpdateReady(true);
    },
    onOfflineReady() {
      useApp.getState().setOfflineReady(true);
    },
  });
}

export function applyUpdate(): void {
  void update?.(true);
}
