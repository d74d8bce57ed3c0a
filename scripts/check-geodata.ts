/** `npm run check:geodata`: checks every file under geodata/ and lists all problems at once. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkGeodata, formatProblem } from './lib/check-geodata.ts';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '../geodata'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const files: Record<string, string> = {};
for (const path of walk(root)) {
  if (/\.(json|geojson|txt)$/.test(path)) files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
}
const { problems, counts } = checkGeodata(files);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\ncheck:geodata: ${problems.length} problem(s) in ${root}`);
  process.exit(1);
}
console.log(
  `check:geodata: ok — ${counts.layers} layers, ${counts.sites} sites, ${counts.figures} figures (${counts.articleFigures} from the article) in ${root}`,
);
