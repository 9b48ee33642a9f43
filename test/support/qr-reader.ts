import jsQR from 'jsqr';

/**
 * Reads a QR code drawn as the `qrcode` package draws SVG (a path of horizontal strokes,
 * one module high: `M2 2.5h7m4 0h3…`): paints the strokes into a bitmap, white around, and
 * decodes it with jsQR, as a camera would read the printed code.
 */
export function readSvgQr(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !path) throw new Error('not a QR code drawn by qrcode');
  const dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([MmHh])(-?[\d.]+)(?:\s(-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      const to = command === 'h' ? x + Number(a) : Number(a);
      for (let column = x; column < to; column++) dark[Math.floor(y)][column] = true;
      x = to;
    }
  }
  return decodeModules(dark);
}

/** Decodes a square of modules, each painted `scale` pixels wide. */
export function decodeModules(dark: boolean[][], scale = 8): string | null {
  const pixels = dark.length * scale;
  const rgba = new Uint8ClampedArray(pixels * pixels * 4);
  for (let py = 0; py < pixels; py++) {
    for (let px = 0; px < pixels; px++) {
      const value = dark[Math.floor(py / scale)][Math.floor(px / scale)] ? 0 : 255;
      rgba.set([value, value, value, 255], (py * pixels + px) * 4);
    }
  }
  return jsQR(rgba, pixels, pixels)?.data ?? null;
}
