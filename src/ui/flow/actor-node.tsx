// One actor as a React Flow node: the service's coloured tile with its icon, the actor's name and service.
// Its handles exist only because React Flow anchors edges on them; edges draw their own paths.
import type { CSSProperties } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ActorNodeType } from './flow-elements';
import { ServiceIcon } from './service-icons';

export function ActorNode({ data }: NodeProps<ActorNodeType>) {
  const style = { '--actor-colour': data.colour } as CSSProperties;
  return (
    <div className={`flow-node flow-node--${data.role}`} style={style}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="flow-node__handle" />
      <span className="flow-node__tile">
        <ServiceIcon icon={data.icon} size={26} />
      </span>
      <span className="flow-node__label">{data.label}</span>
      <span className="flow-node__service">{data.service}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} className="flow-node__handle" />
    </div>
  );
}
