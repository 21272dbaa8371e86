// A QR code drawn as SVG from the `qrcode` library's module matrix. The library loads on first use (a
// dynamic import), so it stays out of the first page. Always dark modules on white with the four-module
// quiet zone the standard asks for, in both themes: phone scanners read inverted codes badly.
import { useEffect, useState } from 'react';

const QUIET_ZONE = 4;

interface Matrix {
  text: string;
  size: number;
  path: string;
}

type Loaded = Matrix | { text: string; error: string };

/** One horizontal run of dark modules per `M x y h n v1 h -n z`, so the path stays short. */
function pathOf(size: number, dark: (row: number, col: number) => boolean): string {
  let d = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      let run = 1;
      while (col + run < size && dark(row, col + run)) run++;
      d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
      col += run;
    }
  }
  return d;
}

async function matrixFor(text: string): Promise<Matrix> {
  const mod = await import('qrcode');
  // A CommonJS package: its functions may sit on the namespace or on its default export, depending on the bundler.
  const create = mod.create ?? (mod as unknown as { default: typeof mod }).default.create;
  // Level M (15 % recovery), the common choice for authenticator enrolment codes.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { text, size: modules.size, path: pathOf(modules.size, (r, c) => modules.get(r, c) === 1) };
}

export interface QrCodeProps {
  text: string;
  /** The text alternative: what the code holds and what to do with it. */
  label: string;
  /** About this wide and high, in CSS pixels (rounded to a whole number of pixels per module). */
  pixels?: number;
}

export function QrCode({ text, label, pixels = 208 }: QrCodeProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    matrixFor(text).then(
      (matrix) => live && setLoaded(matrix),
      (error: unknown) => live && setLoaded({ text, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [text]);

  const current = loaded?.text === text ? loaded : null;
  if (!current) {
    return (
      <div className="qr qr--pending" style={{ width: pixels, height: pixels }}>
        <span className="muted">Drawing the QR code…</span>
      </div>
    );
  }
  if ('error' in current) {
    return (
      <p className="qr qr--error" role="alert">
        The QR code could not be drawn ({current.error}). Type the secret by hand instead.
      </p>
    );
  }
  const extent = current.size + 2 * QUIET_ZONE;
  // A whole number of CSS pixels per module, so no module is drawn a pixel wider than its neighbours.
  const side = extent * Math.max(2, Math.round(pixels / extent));
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`0 0 ${extent} ${extent}`} width={side} height={side} shapeRendering="crispEdges" data-modules={current.size}>
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={current.path} fill="#000000" />
    </svg>
  );
}
