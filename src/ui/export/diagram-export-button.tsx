// "Export image": downloads the current step's diagram as SVG (vector, for slides) or PNG (twice the size on
// screen), in the theme the page shows. The player and the sandbox place it in their toolbars.
import { useState } from 'react';
import type { Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';
import { currentPalette } from './diagram-palette';
import { diagramSvgMarkup } from './diagram-svg';
import { downloadBlob, fileStem, svgToPng } from './download';
import './export.css';

export interface DiagramExportButtonProps {
  trace: readonly Exchange[];
  steps: readonly ScenarioStep[];
  cursor: number;
  /** Names the file: "<title>-step-<n>.svg". */
  title: string;
}

export function DiagramExportButton({ trace, steps, cursor, title }: DiagramExportButtonProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = `${fileStem(title)}-step-${cursor + 1}`;

  const exportAs = async (format: 'svg' | 'png') => {
    setProblem(null);
    setBusy(true);
    try {
      const { svg, width, height } = diagramSvgMarkup({ trace, steps, cursor, palette: currentPalette() });
      if (format === 'svg') downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
      else downloadBlob(await svgToPng(svg, width, height), `${name}.png`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-image" role="group" aria-label="Export the diagram">
      <span className="export-image__label" aria-hidden="true">
        Image
      </span>
      <button type="button" className="button button--secondary export-image__button" disabled={busy} onClick={() => void exportAs('svg')} aria-label="Export the diagram as SVG" title="Download the diagram as SVG (for slides)">
        SVG
      </button>
      <button type="button" className="button button--secondary export-image__button" disabled={busy} onClick={() => void exportAs('png')} aria-label="Export the diagram as PNG" title="Download the diagram as PNG">
        PNG
      </button>
      {problem && (
        <span role="alert" className="export-image__problem">
          {problem}
        </span>
      )}
    </div>
  );
}
