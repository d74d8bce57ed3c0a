/**
 * A page of another site that embeds the map (as the county's website or an article would): served by the
 * test on another loopback port, with the app in an iframe, and the map's messages kept for the test to read.
 */
import { createServer, type Server } from 'node:http';
import type { Frame, Page } from '@playwright/test';
import { expect, waitForIdle } from './driver';

/**
 * Two other sites on loopback (Chromium refuses a public page's frame of a loopback address, so the
 * embedding pages are real local servers too): the county's site the deployment allows, and another.
 */
export const HOST = 'http://127.0.0.1:4197';
export const FOREIGN = 'http://127.0.0.1:4198';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An article with the map in an iframe: `/article.html?src=…&w=…&h=…`. */
function article(src: string, w: string, h: string): string {
  return `<!doctype html><meta charset="utf-8"><title>文章</title><body style="margin:0">
<h1 style="font:16px sans-serif;margin:4px">An article</h1>
<iframe id="map" src="${attr(src)}" width="${attr(w)}" height="${attr(h)}" style="border:0" title="map"></iframe>
<script>
window.received = [];
addEventListener('message', function (e) { if (e.source === document.getElementById('map').contentWindow) window.received.push({ origin: e.origin, data: e.data }); });
window.send = function (m) { document.getElementById('map').contentWindow.postMessage(m, '*'); };
</script></body>`;
}

/** Starts the two article servers; resolves with their closer. */
export async function startArticleHosts(): Promise<() => Promise<void>> {
  const servers: Server[] = [];
  for (const origin of [HOST, FOREIGN]) {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname !== '/article.html') {
        res.writeHead(404).end();
        return;
      }
      const q = url.searchParams;
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(article(q.get('src') ?? '', q.get('w') ?? '', q.get('h') ?? ''));
    });
    await new Promise<void>((resolve) => server.listen(Number(new URL(origin).port), '127.0.0.1', resolve));
    servers.push(server);
  }
  return async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  };
}

export interface HostOptions {
  /** The iframe's size in CSS pixels. */
  width: number;
  height: number;
  /** The embedded map's query, after ?embed=1. */
  query?: string;
  /** Where the embedding page is served from. */
  origin?: string;
}

export class EmbedHost {
  constructor(readonly page: Page) {}

  /** The deployment's list of origins allowed to drive the map (embed.json). */
  async allow(origins: string[]): Promise<void> {
    await this.page.route('**/embed.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: JSON.stringify({ allowedOrigins: origins }) }),
    );
  }

  /** Opens the embedding page and waits until the embedded map is idle; the frame. */
  async open({ width, height, query = '', origin = HOST }: HostOptions): Promise<Frame> {
    const src = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/?embed=1${query}&testing=1`;
    const q = new URLSearchParams({ src, w: String(width), h: String(height) });
    await this.page.goto(`${origin}/article.html?${q}`);
    const frame = await (await this.page.locator('#map').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the embedding page has no map frame');
    await waitForIdle(frame);
    return frame;
  }

  /** The map's messages of a type the embedding page received. */
  received(type: string): Promise<{ origin: string; data: Record<string, unknown> }[]> {
    return this.page.evaluate(
      (t) => (window as unknown as { received: { origin: string; data: { type: string } }[] }).received.filter((m) => m.data?.type === t),
      type,
    ) as Promise<{ origin: string; data: Record<string, unknown> }[]>;
  }

  /** Waits for the map's "ready" (a page that posts before it is lost). */
  async ready(): Promise<void> {
    await expect.poll(async () => (await this.received('suichang:ready')).length).toBe(1);
  }

  /** Posts a message to the map, as the embedding page's script would. */
  async send(message: unknown): Promise<void> {
    await this.page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);
  }

  /**
   * Posts a message and resolves once the map's window has handled it: a listener the test adds in the
   * frame after the app's runs after it for the same message, so what the app did (or did not) is done.
   */
  async sendAndSettle(frame: Frame, message: unknown): Promise<void> {
    const handled = frame.evaluate(
      () =>
        new Promise<void>((resolve) => {
          addEventListener('message', () => resolve(), { once: true });
          (window as unknown as { __listening: boolean }).__listening = true;
        }),
    );
    await frame.waitForFunction(() => (window as unknown as { __listening?: boolean }).__listening === true);
    await this.send(message);
    await handled;
  }
}
