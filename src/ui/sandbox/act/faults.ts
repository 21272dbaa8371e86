// "Break it": the faults a learner can arm for the next call. Each fault belongs to the actions that can carry it
// (a tampered claim needs a token to tamper with, a skewed clock needs a signature); the armed fault rides on the
// next action it fits and is then disarmed. Which call is refused, and how, is the services' business: the
// inspector shows AWS's answer.
import type { SandboxAction } from '../../../content/sandbox/actions';

export type FaultId = 'tampered-claim' | 'swapped-token' | 'other-identity' | 'clock-skew' | 'other-owner';

export interface FaultInfo {
  id: FaultId;
  label: string;
  /** What the fault does, and which call it goes with. */
  description: string;
}

export const FAULTS: readonly FaultInfo[] = [
  {
    id: 'tampered-claim',
    label: 'Tamper a claim',
    description: 'Changes a claim of the token (cognito:groups) and keeps the old signature. Goes with the next API call with an ID or access token.',
  },
  {
    id: 'swapped-token',
    label: 'Swap the ID and access tokens',
    description: 'Sends the access token where the ID token is expected, and the other way round. Goes with the next API call with a token.',
  },
  {
    id: 'other-identity',
    label: 'Present another user’s identity id',
    description: 'Asks the identity pool for credentials of someone else’s identity id with your own token. Goes with the next “Get credentials”.',
  },
  {
    id: 'clock-skew',
    label: 'Skew the clock for SigV4',
    description: 'Signs the request with a clock 20 minutes off. Goes with the next SigV4 API call or DynamoDB call.',
  },
  {
    id: 'other-owner',
    label: 'Use another user’s partition key',
    description: 'Reads or writes under another user’s identity id as the partition key. Goes with the next DynamoDB call.',
  },
];

export const faultInfo = (id: FaultId): FaultInfo => FAULTS.find((f) => f.id === id)!;

/** The action with the fault attached, or null when the fault does not go with this action. */
export function withFault(action: SandboxAction, fault: FaultId): SandboxAction | null {
  switch (action.kind) {
    case 'call-api':
      if ((fault === 'tampered-claim' || fault === 'swapped-token') && (action.auth === 'id-token' || action.auth === 'access-token')) return { ...action, fault };
      if (fault === 'clock-skew' && action.auth === 'sigv4') return { ...action, fault };
      return null;
    case 'get-credentials':
      return fault === 'other-identity' ? { ...action, fault } : null;
    case 'dynamodb':
      return fault === 'clock-skew' || fault === 'other-owner' ? { ...action, fault } : null;
    default:
      return null;
  }
}
