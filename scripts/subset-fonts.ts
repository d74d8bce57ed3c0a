/** `npm run fonts`: rebuilds the CJK font subset (the build does this too, when the text changed). */
import { buildSubset } from './lib/font-subset.ts';

try {
  const r = await buildSubset();
  const total = r.files.reduce((s, f) => s + f.bytes, 0);
  for (const f of r.files) console.log(`${f.name}: ${(f.bytes / 1024).toFixed(1)} kB${f.codePoints ? `, ${f.codePoints} characters` : ''}`);
  console.log(`CJK font: ${(r.sourceBytes / 1024).toFixed(0)} kB → ${(total / 1024).toFixed(0)} kB${r.changed ? '' : ' (unchanged)'}`);
} catch (error) {
  console.error(`subset-fonts: ${(error as Error).message}`);
  process.exit(1);
}
