// "Export to CloudFormation": downloads the world as a CloudFormation template (YAML) to deploy on real AWS.
// The template's header says what the simulator does differently; the button says where to read it.
import { useState } from 'react';
import type { WorldConfig } from '../../sim/world/config';
import { downloadBlob } from './download';
import './export.css';

export interface CloudFormationExportButtonProps {
  world: WorldConfig;
  /** Default "cognito-lab-world.yaml". */
  fileName?: string;
}

export function CloudFormationExportButton({ world, fileName = 'cognito-lab-world.yaml' }: CloudFormationExportButtonProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; bytes: number } | { kind: 'failed'; reason: string }>({ kind: 'idle' });

  const exportTemplate = async () => {
    setState({ kind: 'busy' });
    try {
      const { cloudFormationYaml } = await import('../../store/cloudformation');
      const yaml = cloudFormationYaml(world);
      const blob = new Blob([yaml], { type: 'application/yaml' });
      downloadBlob(blob, fileName);
      setState({ kind: 'done', bytes: blob.size });
    } catch (error) {
      setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="cfn-export">
      <button type="button" className="button button--secondary cfn-export__button" disabled={state.kind === 'busy'} onClick={() => void exportTemplate()}>
        Export to CloudFormation
      </button>
      {state.kind === 'done' && (
        <p className="cfn-export__note" role="status">
          Saved {fileName} ({(state.bytes / 1024).toFixed(1)} KB). Read its opening comments before you deploy: they list what the simulator does differently from AWS.
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="cfn-export__problem" role="alert">
          The template could not be made: {state.reason}
        </p>
      )}
    </div>
  );
}
