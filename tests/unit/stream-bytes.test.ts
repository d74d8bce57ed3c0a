import { describe, expect, it } from 'vitest';
import { OverLimit, pipeBytes } from '../../src/lib/streamBytes';

const text = (n: number) => new TextEncoder().encode('遂昌'.repeat(n));

describe('pipeBytes', () => {
  it('deflates and inflates back, byte for byte', async () => {
    const input = text(5000);
    const packed = await pipeBytes(input, new CompressionStream('deflate-raw'));
    expect(packed.byteLength).toBeLessThan(input.byteLength / 20);
    expect(await pipeBytes(packed, new DecompressionStream('deflate-raw'))).toEqual(input);
  });

  it('stops once the output passes the limit, saying how far it got', async () => {
    // 6 MB of one character deflate to a few kB: what a bomb looks like.
    const packed = await pipeBytes(text(1_000_000), new CompressionStream('deflate-raw'));
    const error = await pipeBytes(packed, new DecompressionStream('deflate-raw'), 100_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OverLimit);
    expect((error as OverLimit).limit).toBe(100_000);
    expect((error as OverLimit).bytes).toBeGreaterThan(100_000);
    // Reading stopped early: not the whole 6 MB.
    expect((error as OverLimit).bytes).toBeLessThan(2_000_000);
  });

  it('passes a broken stream’s own error on', async () => {
    await expect(pipeBytes(new Uint8Array([0xff, 0xff, 0xff]), new DecompressionStream('deflate-raw'))).rejects.toThrow();
    await expect(pipeBytes(new Uint8Array([0xff, 0xff, 0xff]), new DecompressionStream('deflate-raw'))).rejects.not.toBeInstanceOf(
      OverLimit,
    );
  });
});
