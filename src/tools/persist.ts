/**
 * Drawings and imported layers survive a reload or a crash: written to IndexedDB
 * (idb-keyval) shortly after each change, read back at start-up.
 */
import { get, set } from 'idb-keyval';
import { type Drawing, type ImportedLayer, useTools } from './toolsState';

const KEY_DRAWINGS = 'suichang:drawings:v1';
const KEY_IMPORTS = 'suichang:imports:v1';

export async function restoreTools(): Promise<void> {
  try {
    const [drawings, imports] = await Promise.all([get<Drawing[]>(KEY_DRAWINGS), get<ImportedLayer[]>(KEY_IMPORTS)]);
    const tools = useTools.getState();
    if (Array.isArray(drawings) && tools.drawings.length === 0) tools.setDrawings(drawings);
    if (Array.isArray(imports) && tools.imports.length === 0) tools.setImports(imports);
  } catch (error) {
    console.warn('could not read saved drawings and layers:', (error as Error).message);
  } finally {
    useTools.getState().setRestored();
  }
  // Each kind is written on its own change (a keystroke in a note does not rewrite a 100k-feature import),
  // batched per task so a burst of changes is one write.
  const pending = new Set<'drawings' | 'imports'>();
  const flush = () => {
    const now = useTools.getState();
    const writes = [...pending].map((kind) => (kind === 'drawings' ? set(KEY_DRAWINGS, now.drawings) : set(KEY_IMPORTS, now.imports)));
    pending.clear();
    Promise.all(writes).catch((error: Error) => console.warn('could not save drawings and layers:', error.message));
  };
  useTools.subscribe((s, prev) => {
    const before = pending.size;
    if (s.drawings !== prev.drawings) pending.add('drawings');
    if (s.imports !== prev.imports) pending.add('imports');
    if (before === 0 && pending.size > 0) setTimeout(flush, 0);
  });
}
