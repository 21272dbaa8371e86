// One line per sandbox action, for the list of what the learner did (passwords never shown).
import type { SandboxAction } from '../../../content/sandbox/actions';

const FAULT_WORDS: Record<string, string> = {
  'tampered-claim': 'with a tampered claim',
  'swapped-token': 'with the tokens swapped',
  'other-identity': 'presenting another user’s identity id',
  'clock-skew': 'signed with a skewed clock',
  'other-owner': 'with another user’s partition key',
};

const AUTH_WORDS: Record<string, string> = {
  'id-token': 'the ID token',
  'access-token': 'the access token',
  sigv4: 'SigV4',
  none: 'no authorization',
};

export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}

export function describeAction(action: SandboxAction): string {
  const fault = 'fault' in action && action.fault ? ` ${FAULT_WORDS[action.fault] ?? action.fault}` : '';
  switch (action.kind) {
    case 'sign-up':
      return `Sign up ${action.username} (${action.email}${action.phone ? `, ${action.phone}` : ''})`;
    case 'confirm-sign-up':
      return `Confirm ${action.username} with ${action.code ? `code ${action.code}` : 'the latest code'}`;
    case 'sign-in':
      return `Sign in ${action.username} (${action.flow})`;
    case 'answer-challenge':
      return `Answer the MFA challenge with ${action.code ? `code ${action.code}` : 'the current code'}`;
    case 'setup-totp':
      return 'Set up TOTP';
    case 'hosted-ui-sign-in':
      return `Hosted UI sign-in: ${action.username} with ${action.provider}`;
    case 'sign-out':
      return 'Sign out everywhere (GlobalSignOut)';
    case 'get-credentials':
      return `Get credentials as ${action.as === 'guest' ? 'a guest' : 'the signed-in user'}${fault}`;
    case 'call-api':
      return `${action.method} ${action.path} with ${AUTH_WORDS[action.auth] ?? action.auth}${fault}`;
    case 'dynamodb':
      return `DynamoDB ${action.operation} on ${action.table}${fault}`;
    case 'advance-clock':
      return `Clock +${formatDuration(action.ms)}`;
  }
}
