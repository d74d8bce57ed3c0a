/**
 * Software rendering mode: where WebGL runs on the CPU (SwiftShader, llvmpipe, Microsoft's Basic Render
 * Driver — virtual desktops, old meeting-room PCs, browsers that block the GPU), every pixel of every
 * frame is shaded by the processor. While the map moves it is drawn at half the resolution (a quarter
 * of the pixels), and at full resolution again a quarter second after it stops, so the still picture is
 * as sharp as anywhere. On a real GPU nothing changes (a test mocks the renderer string).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|basic render|software/i;

/** The renderer string WebGL reports (the unmasked one where the browser gives it). */
export function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}

export const isSoftwareRenderer = (renderer: string): boolean => SOFTWARE.test(renderer);

/** The resolution while moving, as a share of the still one. */
export const MOVING_SCALE = 0.5;
/** Full resolution again once the map has been still this long (a drag in bursts stays at one resolution). */
export const SETTLE_MS = 250;

/** The map's own WebGL context (asking the canvas again for its kind returns the same one). */
function contextOf(map: MapLibreMap): WebGLRenderingContext | WebGL2RenderingContext | null {
  const canvas = map.getCanvas();
  return canvas.getContext('webgl2') ?? canvas.getContext('webgl');
}

/** Turns the mode on for `map` if its renderer is a software one; says which renderer, and whether it is on. */
export function startSoftwareMode(map: MapLibreMap): { renderer: string; on: boolean; off: () => void } {
  const gl = contextOf(map);
  const renderer = gl ? rendererOf(gl) : '';
  const container = map.getContainer();
  container.dataset.renderer = renderer;
  if (!isSoftwareRenderer(renderer)) {
    container.dataset.renderMode = 'gpu';
    return { renderer, on: false, off: () => {} };
  }
  container.dataset.renderMode = 'software';
  const still = () => window.devicePixelRatio || 1;
  let moving = false;
  // A resize fires movestart and moveend itself: those are not the user's moves.
  let switching = false;
  const set = (ratio: number) => {
    switching = true;
    try {
      map.setPixelRatio(ratio);
    } finally {
      switching = false;
    }
  };
  let settle: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  // Lowered from the move's second frame: a jump (movestart and moveend in one go: a tour stop without
  // motion, a link's view) never resizes the canvas, and the frame that answers a click is not delayed.
  const lower = () => {
    frame = 0;
    if (moving || !map.isMoving()) return;
    moving = true;
    set(still() * MOVING_SCALE);
  };
  const start = () => {
    if (switching) return;
    clearTimeout(settle);
    if (moving || frame) return;
    frame = requestAnimationFrame(lower);
  };
  const sharpen = () => {
    if (!moving || map.isMoving()) return;
    moving = false;
    set(still());
  };
  const end = () => {
    if (switching) return;
    if (frame && !map.isMoving()) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
    if (!moving) return;
    clearTimeout(settle);
    settle = setTimeout(sharpen, SETTLE_MS);
  };
  map.on('movestart', start);
  map.on('moveend', end);
  return {
    renderer,
    on: true,
    off: () => {
      map.off('movestart', start);
      map.off('moveend', end);
      clearTimeout(settle);
      sharpen();
    },
  };
}
