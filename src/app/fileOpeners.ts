/** The kinds of layer that open files, in the order they are asked: a vector-tile archive, else a file to import. */
import { registerOpener } from '../layers/openers';

registerOpener({
  id: 'tiled',
  accepts: (f) => /\.pmtiles$/i.test(f.name),
  open: (f, handle) => import('../tiles/manage').then((m) => m.addTiledFile(f, handle)),
});
registerOpener({
  id: 'import',
  accepts: () => true,
  open: (f) => import('../tools/importFile').then((m) => m.importFile(f)),
});
