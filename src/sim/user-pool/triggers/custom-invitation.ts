// AdminCreateUser's invitation when the custom message trigger (CustomMessage_AdminCreateUser) wrote its text: the
// same deliveries as ../invitation.ts, with the function's text in which Cognito puts the username and the temporary
// password where the function wrote {username} and {####}. A channel the function wrote nothing for gets the default.
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import { sendInvitation, type InvitationPlan } from '../invitation';
import { fillPlaceholders, type CustomTexts } from './custom-message';

export function sendInvitationWithTexts(env: UserPoolEnv, call: ServiceContext, plan: InvitationPlan, invite: { username: string; password: string; expiresAt: number }, texts: CustomTexts | undefined): void {
  const custom = plan.targets.filter((t) => texts?.[t.channel] !== undefined);
  if (!texts || custom.length === 0) {
    sendInvitation(env, call, plan, invite);
    return;
  }
  // The targets without a custom text still get the default invitation, from the shared module.
  const rest = plan.targets.filter((t) => !custom.includes(t));
  if (rest.length > 0) sendInvitation(env, call, { targets: rest }, invite);
  const now = env.clock.now();
  const days = Math.round((invite.expiresAt - now) / 86_400_000);
  for (const { channel, destination } of custom) {
    const text = texts[channel]!;
    env.outbox.deliver({
      channel,
      destination,
      ...(channel === 'EMAIL' ? { subject: text.subject ?? 'Your temporary password' } : {}),
      body: fillPlaceholders(text.body, { code: invite.password, username: invite.username }),
      code: invite.password,
      at: now,
    });
    call.note({
      kind: 'code-sent',
      summary: `An invitation written by the custom message trigger, with the username ${invite.username} and a temporary password in the places the function marked, was sent by ${channel === 'EMAIL' ? 'e-mail' : 'SMS'} to ${destination}; the password works for ${days} day${days === 1 ? '' : 's'}, and only to choose a new one.`,
      purpose: 'temporary-password',
      channel,
      destination,
      expiresAt: invite.expiresAt,
    });
  }
}
