/** The kinds of layer that open files, in the order they are asked: a tile archive (an MBTiles file is told how to convert), else a file to import. */
import { registerOpener, registerUrlOpener } from '../layers/openers';

registerOpener({
  id: 'tiled',
  accepts: (f) => /\.(pm|mb)tiles$/i.test(f.name),
  open: (f, handle) => import('../tiles/manage').then((m) => m.addTiledFile(f, handle)),
});
registerOpener({
  id: 'import',
  accepts: () => true,
  open: (f) => import('../tools/importFile').then((m) => m.importFile(f)),
});

// A PMTiles archive's URL typed into the map services' form is a tiled layer.
registerUrlOpener({
  id: 'tiled',
  accepts: (url) => /\.pmtiles(\?|#|$)/i.test(url.trim()),
  open: async (url) => {
    const [{ addTiledUrl }, { resolveUrl }] = await Promise.all([import('../tiles/manage'), import('../tiles/archive')]);
    return addTiledUrl(resolveUrl(url.trim(), location.href));
  },
});
