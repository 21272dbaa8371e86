import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'yaml';
import { defaultWorld } from '../../sim/index';
import { CloudFormationExportButton } from './cloudformation-export-button';

afterEach(() => vi.restoreAllMocks());

describe('The CloudFormation export button', () => {
  it('downloads the world as a YAML template and points at its list of differences', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:template';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<CloudFormationExportButton world={defaultWorld} />);
    await user.click(screen.getByRole('button', { name: 'Export to CloudFormation' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/Saved cognito-lab-world\.yaml \(\d+\.\d KB\)\. Read its opening comments/);
    expect(names).toEqual(['cognito-lab-world.yaml']);
    const text = await blobs[0]!.text();
    expect(text.startsWith('# Exported from Cognito Lab')).toBe(true);
    const template = parse(text) as { Resources: Record<string, { Type: string }> };
    expect(Object.values(template.Resources).filter((r) => r.Type === 'AWS::Cognito::UserPool')).toHaveLength(1);
  });
});
