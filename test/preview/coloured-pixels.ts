import type { Locator } from "playwright-core";

/** Pixels clearly coloured (not white, grey or black) on a canvas: bars, slices and lines
 * drawn, not just a blank chart area. */
export function colouredPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? [];
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i] ?? 0, d[i + 1] ?? 0, d[i + 2] ?? 0];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n += 1;
    }
    return n;
  });
}
