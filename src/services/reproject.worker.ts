/**
 * Resamples source tiles into one Web Mercator tile (see grid.ts): fetches them (or takes the images the
 * page read from an archive), lays them in a mosaic,
 * and copies each output row from its source row, stretched along the row. OffscreenCanvas, off the
 * page's thread. Answers an ImageBitmap, or the problem the service gave.
 */
import { fetchService, imageOf } from './fetchService';
import type { ResamplePlan } from './grid';
import { problemOf, type ServiceProblem } from './problems';

/** `urls`: each source tile's address, or its image already read (an archive's tile, read on the page), or null (no tile). */
export type ReprojectRequest = { job: number; urls: (string | Blob | null)[]; plan: ResamplePlan; size: number } | { cancel: number };
/** `ms`: the whole tile (the source tiles' fetch included); `drawMs`: decoding, the mosaic and the rows. */
export type ReprojectAnswer = { job: number; bitmap: ImageBitmap; ms: number; drawMs: number } | { job: number; problem: ServiceProblem };

const running = new Map<number, AbortController>();
const post = (a: ReprojectAnswer, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(a, transfer);

async function draw(
  req: Extract<ReprojectRequest, { job: number }>,
  signal: AbortSignal,
): Promise<{ bitmap: ImageBitmap; drawMs: number }> {
  const { plan, urls, size } = req;
  const blobs = await Promise.all(urls.map(async (u) => (typeof u === 'string' ? imageOf(await fetchService(u, signal)) : u)));
  const t0 = performance.now();
  const images = await Promise.all(blobs.map((b) => (b ? createImageBitmap(b) : null)));
  const mosaic = new OffscreenCanvas(plan.mosaic.width, plan.mosaic.height);
  const m = mosaic.getContext('2d') as OffscreenCanvasRenderingContext2D;
  plan.tiles.forEach((t, i) => {
    const img = images[i];
    if (img)
      m.drawImage(
        img,
        (t.col - plan.origin.col) * plan.tileWidth,
        (t.row - plan.origin.row) * plan.tileHeight,
        plan.tileWidth,
        plan.tileHeight,
      );
    img?.close();
  });
  const out = new OffscreenCanvas(size, size);
  const o = out.getContext('2d') as OffscreenCanvasRenderingContext2D;
  o.imageSmoothingEnabled = true;
  o.imageSmoothingQuality = 'medium';
  const width = plan.x1 - plan.x0;
  for (let j = 0; j < size; j++) {
    const sy = Math.floor(plan.rows[j] as number);
    if (sy < 0 || sy >= plan.mosaic.height) continue;
    o.drawImage(mosaic, plan.x0, sy, width, 1, 0, j, size, 1);
  }
  return { bitmap: out.transferToImageBitmap(), drawMs: performance.now() - t0 };
}

self.onmessage = async (e: MessageEvent<ReprojectRequest>) => {
  const req = e.data;
  if ('cancel' in req) {
    running.get(req.cancel)?.abort();
    return;
  }
  const abort = new AbortController();
  running.set(req.job, abort);
  const t0 = performance.now();
  try {
    const { bitmap, drawMs } = await draw(req, abort.signal);
    post({ job: req.job, bitmap, ms: performance.now() - t0, drawMs }, [bitmap]);
  } catch (error) {
    post({ job: req.job, problem: problemOf(error) });
  } finally {
    running.delete(req.job);
  }
};
