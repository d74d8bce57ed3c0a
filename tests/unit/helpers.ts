import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const GEODATA = join(import.meta.dirname, '../../geodata');

/** Every checkable file under geodata/, keyed by its relative path, as the data check reads them. */
export function readGeodata(): Record<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const files: Record<string, string> = {};
  for (const p of walk(GEODATA)) if (/\.(json|geojson|txt)$/.test(p)) files[relative(GEODATA, p)] = readFileSync(p, 'utf8');
  return files;
}
