// UpdateUserAttributes: a signed-in user changes their own attributes. A new e-mail or phone number replaces
// the old one at once and is unverified (so it no longer signs the user in as an alias) until the user
// proves it with the code sent to it — AWS's default, without "keep original attribute value active".
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { aliasExists, deliveryTo, isVerifiable, otherHolder } from '../attribute-verification';
import { attributeListShape, readAttributes, requireAttributes, type AttributeType } from '../attributes';
import { sendCode, type CodeDeliveryDetails } from '../codes';
import { CLIENT_METADATA, TOKEN } from './shapes';
import { customMessage } from '../triggers/custom-message';

interface Input {
  UserAttributes: AttributeType[];
  AccessToken: string;
  ClientMetadata?: Record<string, string>;
}

const VERIFIED_FLAGS = new Set(['email_verified', 'phone_number_verified']);

export const updateUserAttributes = defineOperation<Input, { CodeDeliveryDetailsList?: CodeDeliveryDetails[] }>({
  name: 'UpdateUserAttributes',
  auth: 'none',
  shape: { UserAttributes: { ...attributeListShape, required: true }, AccessToken: TOKEN, ClientMetadata: CLIENT_METADATA },
  async run(env, input, call) {
    const { pool, user, claims } = await authenticateAccessToken(env, call, input.AccessToken);
    const client = pool.clients.get(claims.client_id);
    const updates = readAttributes(input.UserAttributes, { allowVerifiedFlags: true });
    for (const name of updates.keys()) {
      // A user may not mark their own address verified, nor write what the app client may not write.
      const allowed = client?.writeAttributes ? client.writeAttributes.includes(name) : !VERIFIED_FLAGS.has(name);
      if (!allowed) {
        call.note({ kind: 'info', summary: `The app client may not write ${name}.` });
        throw new AwsError('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
      }
    }
    requireAttributes(pool, new Map([...user.attributes, ...updates]));
    const changed = [...updates].filter(([name, value]) => user.attributes.get(name) !== value);
    for (const [name, value] of changed) {
      if (isVerifiable(name) && pool.usernameAttributes.includes(name) && otherHolder(pool, user, name, value)) throw aliasExists(name);
    }

    const now = env.clock.now();
    const details: CodeDeliveryDetails[] = [];
    for (const [name, value] of changed) {
      user.attributes.set(name, value);
      if (!isVerifiable(name)) continue;
      if (!updates.has(`${name}_verified`)) user.attributes.set(`${name}_verified`, 'false');
      user.attributeCodes.delete(name);
      if (pool.autoVerifiedAttributes.includes(name) && user.attributes.get(`${name}_verified`) !== 'true') {
        const custom = await customMessage(env, call, pool, user, { triggerSource: 'CustomMessage_UpdateUserAttribute', clientId: claims.client_id, clientMetadata: input.ClientMetadata });
        const sent = sendCode(env, call, 'attribute-verification', deliveryTo(name, value), custom);
        user.attributeCodes.set(name, sent.issued);
        details.push(sent.details);
      }
    }
    user.lastModified = now;
    const names = changed.map(([n]) => n);
    const unverified = names.filter((n) => isVerifiable(n) && user.attributes.get(`${n}_verified`) !== 'true');
    call.note({
      kind: 'user-changed',
      summary: names.length === 0
        ? `Nothing changed for ${user.username}: every value given is the current one.`
        : `${user.username} changed ${names.join(', ')}.${unverified.length > 0 ? ` ${unverified.join(' and ')} replaced the old value and is unverified until the user submits the code: it cannot be used to sign in or to reset the password until then.` : ''}`,
      username: user.username,
      change: `attributes updated: ${names.join(', ') || 'none'}`,
    });
    return details.length > 0 ? { CodeDeliveryDetailsList: details } : {};
  },
});
