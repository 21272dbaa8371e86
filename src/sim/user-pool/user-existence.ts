// PreventUserExistenceErrors (aws-behaviour.md §3.4) for the code-sending operations. With ENABLED,
// ForgotPassword and ResendConfirmationCode answer for a user who is not there as if a code had gone to a
// made-up destination, the same one each time for the same name and client, so the answer cannot tell an
// attacker which usernames exist. With LEGACY they say so: "Username/client id combination not found."
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import { maskDestination } from './attributes';
import type { CodeDeliveryDetails } from './codes';
import type { AppClient } from './model';

export const hidesUserExistence = (client: AppClient): boolean => client.preventUserExistenceErrors === 'ENABLED';

/** [V message] aws-behaviour.md §3.3: LEGACY's answer for an unknown user on the code operations. */
export const userNotFound = (): AwsError => new AwsError('UserNotFoundException', 'Username/client id combination not found.');

/** FNV-1a: a stable number from a string, so the made-up destination never changes between calls. */
function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The simulated CodeDeliveryDetails. [U] AWS does not document how it makes up the destination; a name that
 * is itself an e-mail address is masked as such (the caller already knows it), otherwise the masked letters
 * come from a hash of the name and the client.
 */
export function simulatedDelivery(
  call: ServiceContext,
  client: AppClient,
  username: string,
  channel: 'EMAIL' | 'SMS',
  reason: string,
): { CodeDeliveryDetails: CodeDeliveryDetails } {
  const h = stableHash(`${client.clientId}:${username.toLowerCase()}`);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const email = username.includes('@') ? username : `${letters[h % 26]}@${letters[(h >>> 8) % 26]}.example`;
  const phone = `+1555${String(h % 10_000_000).padStart(7, '0')}`;
  const destination = channel === 'EMAIL' ? maskDestination('EMAIL', email) : maskDestination('SMS', phone);
  call.note({
    kind: 'info',
    summary: `${reason} PreventUserExistenceErrors is ENABLED, so the answer pretends a code went to ${destination}; no message was sent. An attacker cannot tell this answer from a real one.`,
  });
  return { CodeDeliveryDetails: { Destination: destination, DeliveryMedium: channel, AttributeName: channel === 'EMAIL' ? 'email' : 'phone_number' } };
}
