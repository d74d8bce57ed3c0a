/**
 * A list published with the app: from an environment variable fixed at build time and from a JSON file
 * beside the app (editable after deployment), entries with the same id taken once (the build's first).
 * Used for the online basemaps (basemaps.json) and the tiled layers (layers.json); problems are logged.
 */
export async function loadConfigList<T extends { id: string }>(
  env: string | undefined,
  envName: string,
  file: string,
  parse: (json: unknown, where: string) => { items: T[]; problems: string[] },
): Promise<T[]> {
  const found: T[] = [];
  const problems: string[] = [];
  if (env) {
    try {
      const r = parse(JSON.parse(env), envName);
      found.push(...r.items);
      problems.push(...r.problems);
    } catch (error) {
      problems.push(`${envName}: not valid JSON (${(error as Error).message})`);
    }
  }
  if (location.protocol !== 'file:') {
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}${file}`, { cache: 'no-cache' });
      // A static server may answer a missing file with index.html: only JSON counts.
      if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
        const r = parse(await res.json(), file);
        found.push(...r.items.filter((b) => !found.some((f) => f.id === b.id)));
        problems.push(...r.problems);
      }
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  for (const p of problems) console.warn(p);
  return found;
}
