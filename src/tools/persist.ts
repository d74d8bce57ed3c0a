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
  let timer: ReturnType<typeof setTimeout> | undefined;
  useTools.subscribe((s, prev) => {
    if (s.drawings === prev.drawings && s.imports === prev.imports) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = useTools.getState();
      Promise.all([set(KEY_DRAWINGS, now.drawings), set(KEY_IMPORTS, now.imports)]).catch((error: Error) =>
        console.warn('could not save drawings and layers:', error.message),
      );
    }, 150);
  });
}
