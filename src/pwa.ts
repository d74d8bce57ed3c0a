/**
 * The service worker: after a first visit the app, its data and fonts work offline;
 * when a new version is deployed the page offers to reload. Not in the one-file build.
 */
import { registerSW } from 'virtual:pwa-register';
import { STRINGS } from './i18n/strings';
import { readyToReload } from './lib/beforeReload';
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

/**
 * The reload for a new version waits until the work is stored: each feature saves what is pending, or
 * says what must be finished first (the notice says it; the offer stays).
 */
export async function applyUpdate(): Promise<void> {
  const app = useApp.getState();
  const reasons = await readyToReload();
  if (reasons.length > 0) {
    app.notify(STRINGS[app.lang].updateWaits(reasons));
    return;
  }
  app.notify(STRINGS[app.lang].updateSaved);
  if (testing) (window as unknown as { __reloadRequested?: boolean }).__reloadRequested = true;
  void update?.(true);
}

/** Tests of a deployment changing mid-session (`?testing=1`): the offer as the service worker makes it. */
const testing = new URLSearchParams(location.search).has('testing');
if (testing) (window as unknown as { __offerUpdate?: () => void }).__offerUpdate = () => useApp.getState().setUpdateReady(true);
