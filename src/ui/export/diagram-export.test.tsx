import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiRun, signUpRun } from '../flow/fixtures';
import { currentPalette, mixColours, resolveColour } from './diagram-palette';
import { diagramSvgMarkup } from './diagram-svg';
import { DiagramExportButton } from './diagram-export-button';
import { fileStem } from './download';

afterEach(() => {
  vi.restoreAllMocks();
  delete document.documentElement.dataset.theme;
});

const parseSvg = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('The diagram as a standalone SVG', () => {
  it('holds every actor\u2019s label and service, and the current step\u2019s request and answer', () => {
    const { trace, steps } = signUpRun();
    const { svg, width, height } = diagramSvgMarkup({ trace, steps, cursor: 1, palette: currentPalette() });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const doc = parseSvg(svg);
    expect(doc.querySelector('parsererror')).toBeNull();
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Your app', 'Client', 'User pool', 'Amazon Cognito', 'InitiateAuth →', '← UserNotConfirmedException', '1']));
    expect(doc.querySelector('title')?.textContent).toBe('Flow diagram: step 2 of 4, Your app → User pool: InitiateAuth');
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(150);
    expect(doc.documentElement.getAttribute('viewBox')?.split(' ').slice(2)).toEqual([String(width), String(height)]);
  });

  it('is plain SVG for slide software: no foreignObject, no stylesheet, no unresolved CSS variables', () => {
    const { trace, steps } = apiRun();
    const { svg } = diagramSvgMarkup({ trace, steps, cursor: 1, palette: currentPalette() });
    expect(svg).not.toMatch(/foreignObject|<style|class="react-flow|var\(--/);
    const doc = parseSvg(svg);
    // API Gateway, Lambda and DynamoDB (nested calls), with the dashed nested lines.
    const labels = [...doc.querySelectorAll('g.actor text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['API Gateway', 'Lambda', 'DynamoDB']));
    expect(doc.querySelectorAll('path[stroke-dasharray="6 5"]').length).toBeGreaterThan(0);
    expect(doc.querySelector('path[marker-end="url(#arrow)"]')).not.toBeNull();
  });

  it('takes the colours of the theme the page shows', () => {
    const { trace, steps } = signUpRun();
    const light = diagramSvgMarkup({ trace, steps, cursor: 0, palette: currentPalette() }).svg;
    document.documentElement.dataset.theme = 'dark';
    const dark = diagramSvgMarkup({ trace, steps, cursor: 0, palette: currentPalette() }).svg;
    expect(parseSvg(light).querySelector('svg > rect')?.getAttribute('fill')).toBe('#f4f5f7');
    expect(parseSvg(dark).querySelector('svg > rect')?.getAttribute('fill')).toBe('#1c2029');
    expect(resolveColour('var(--flow-svc-cognito)', currentPalette())).toBe('#e0405a');
  });

  it('mixes a past success badge\u2019s border as the stylesheet does (color-mix in sRGB)', () => {
    expect(mixColours('#11782a', '#a3abb7', 0.55)).toBe('#538f69');
    expect(mixColours('rgb(17, 120, 42)', '#a3abb7', 0.55)).toBe('#538f69');
    expect(mixColours('oklch(50% 0.1 140)', '#a3abb7', 0.55)).toBe('oklch(50% 0.1 140)');
  });

  it('prefers the page\u2019s resolved custom properties over the stylesheet\u2019s defaults', () => {
    document.documentElement.style.setProperty('--flow-edge-current', 'rgb(1, 2, 3)');
    try {
      expect(currentPalette().edgeCurrent).toBe('rgb(1, 2, 3)');
    } finally {
      document.documentElement.style.removeProperty('--flow-edge-current');
    }
  });
});

describe('The export button', () => {
  it('downloads the SVG named for the scenario and the step', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:diagram';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { trace, steps } = signUpRun();
    render(<DiagramExportButton trace={trace} steps={steps} cursor={2} title="Sign up and sign in" />);
    await user.click(screen.getByRole('button', { name: 'Export the diagram as SVG' }));
    await waitFor(() => expect(names).toEqual(['sign-up-and-sign-in-step-3.svg']));
    expect(blobs[0]!.type).toBe('image/svg+xml');
    expect(await blobs[0]!.text()).toContain('ConfirmSignUp');
  });

  it('makes file names from titles', () => {
    expect(fileStem('Groups → roles: “admins” & readers')).toBe('groups-roles-admins-readers');
    expect(fileStem('???')).toBe('cognito-lab');
  });
});
