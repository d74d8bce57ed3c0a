/**
 * Before the page reloads for a new version: each feature saves what it has not stored yet, or says
 * what the user must finish first (a drawing in progress). The reload waits for all of them.
 */

/** Saves what is pending; resolves to null when all is stored, or to what must be finished first (in the current language). */
export type ReloadGuard = () => Promise<string | null>;

const guards = new Set<ReloadGuard>();

export function beforeReload(guard: ReloadGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** Runs every guard: the reasons not to reload yet (empty: everything is stored). */
export async function readyToReload(): Promise<string[]> {
  const reasons = await Promise.all([...guards].map((g) => g().catch((e: unknown) => String(e))));
  return reasons.filter((r): r is string => r !== null);
}
