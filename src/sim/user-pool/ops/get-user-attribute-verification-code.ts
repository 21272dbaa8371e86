// GetUserAttributeVerificationCode: a signed-in user asks for a code to verify their e-mail or phone number,
// sent to that address and valid for 24 hours; a new code replaces the previous one.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { deliveryTo, requireVerifiable } from '../attribute-verification';
import { sendCode, type CodeDeliveryDetails } from '../codes';
import { countCall } from '../rate-limit';
import type { FieldSpec } from '../../wire/validate';
import { CLIENT_METADATA, TOKEN } from './shapes';
import { customMessage } from '../triggers/custom-message';

interface Input {
  AccessToken: string;
  AttributeName: string;
  ClientMetadata?: Record<string, string>;
}

export const ATTRIBUTE_NAME: FieldSpec = { type: 'string', required: true, min: 1, max: 32, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' };

export const getUserAttributeVerificationCode = defineOperation<Input, { CodeDeliveryDetails?: CodeDeliveryDetails }>({
  name: 'GetUserAttributeVerificationCode',
  auth: 'none',
  shape: { AccessToken: TOKEN, AttributeName: ATTRIBUTE_NAME, ClientMetadata: CLIENT_METADATA },
  async run(env, input, call) {
    const { pool, user, claims } = await authenticateAccessToken(env, call, input.AccessToken);
    const name = requireVerifiable(input.AttributeName);
    const value = user.attributes.get(name);
    // [U] AWS's wording when the user has no value to verify.
    if (!value) throw new AwsError('InvalidParameterException', `User has no attribute ${name} to verify.`);
    countCall(user, 'GetUserAttributeVerificationCode', env.clock.now());
    const custom = await customMessage(env, call, pool, user, { triggerSource: 'CustomMessage_VerifyUserAttribute', clientId: claims.client_id, clientMetadata: input.ClientMetadata });
    const { issued, details } = sendCode(env, call, 'attribute-verification', deliveryTo(name, value), custom);
    user.attributeCodes.set(name, issued);
    return { CodeDeliveryDetails: details };
  },
});
