// AdminCreateUser's invitation: the username and temporary password, sent by e-mail and/or SMS.
// DesiredDeliveryMediums defaults to SMS (botocore AdminCreateUserRequest), so a user created with only
// an e-mail address and no DesiredDeliveryMediums gets no message: a classic surprise worth seeing.
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import type { UserPoolEnv } from './env';

export type DeliveryMedium = 'EMAIL' | 'SMS';

export interface InvitationPlan {
  targets: { channel: DeliveryMedium; destination: string }[];
  /** Why nothing will be sent, when nothing will. */
  skipped?: string;
}

/** Where the invitation goes. An explicitly requested medium without its attribute is an error. */
export function planInvitation(attributes: ReadonlyMap<string, string>, requested: readonly DeliveryMedium[] | undefined): InvitationPlan {
  const mediums = requested && requested.length > 0 ? [...new Set(requested)] : undefined;
  const email = attributes.get('email');
  const phone = attributes.get('phone_number');
  if (!mediums) {
    if (phone) return { targets: [{ channel: 'SMS', destination: phone }] };
    return { targets: [], skipped: 'DesiredDeliveryMediums defaults to SMS and the user has no phone_number, so no invitation was sent.' };
  }
  const targets: InvitationPlan['targets'] = [];
  for (const medium of mediums) {
    if (medium === 'EMAIL') {
      // [P] Real response quoted in rahulpsd18/cognito-backup-restore#25.
      if (!email) throw new AwsError('InvalidParameterException', 'No email provided but desired delivery medium was Email');
      targets.push({ channel: 'EMAIL', destination: email });
    } else {
      // [U] By analogy with the e-mail message above.
      if (!phone) throw new AwsError('InvalidParameterException', 'No phone_number provided but desired delivery medium was Sms');
      targets.push({ channel: 'SMS', destination: phone });
    }
  }
  return { targets };
}

export function sendInvitation(env: UserPoolEnv, call: ServiceContext, plan: InvitationPlan, invite: { username: string; password: string; expiresAt: number }): void {
  if (plan.targets.length === 0) {
    call.note({ kind: 'info', summary: plan.skipped ?? 'No invitation was sent.' });
    return;
  }
  const now = env.clock.now();
  const days = Math.round((invite.expiresAt - now) / 86_400_000);
  for (const { channel, destination } of plan.targets) {
    env.outbox.deliver({
      channel,
      destination,
      ...(channel === 'EMAIL' ? { subject: 'Your temporary password' } : {}),
      body: `Your username is ${invite.username} and temporary password is ${invite.password}.`,
      code: invite.password,
      at: now,
    });
    call.note({
      kind: 'code-sent',
      summary: `An invitation with the username ${invite.username} and a temporary password was sent by ${channel === 'EMAIL' ? 'e-mail' : 'SMS'} to ${destination}; the password works for ${days} day${days === 1 ? '' : 's'}, and only to choose a new one.`,
      purpose: 'temporary-password',
      channel,
      destination,
      expiresAt: invite.expiresAt,
    });
  }
}
