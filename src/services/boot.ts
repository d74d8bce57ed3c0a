/** At start: the map services the user kept (the service code is loaded only when there is one, or another tab adds one). */
import { keysWithPrefix } from '../lib/db';
import { onOtherTabs } from '../lib/keyed';

const PREFIX = 'suichang:service:v1:';

export async function startServices(): Promise<void> {
  let loading: Promise<unknown> | null = null;
  const load = () => {
    loading ??= import('./manage').then((m) => m.restoreServices());
    return loading;
  };
  onOtherTabs((a) => {
    if (a.collection === 'services') void load();
  });
  const keys = await keysWithPrefix(PREFIX).catch(() => []);
  if (keys.length > 0) await load();
}
