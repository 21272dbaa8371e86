// VerifyUserAttribute: the code sent to a user's e-mail or phone number proves they own it; the attribute
// becomes verified and, in a pool that signs in with it, usable as an alias — unless another user already has it.
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { aliasExists, otherHolder, requireVerifiable } from '../attribute-verification';
import { checkCode } from '../codes';
import { countCall } from '../rate-limit';
import { TOKEN } from './shapes';
import { ATTRIBUTE_NAME } from './get-user-attribute-verification-code';

interface Input {
  AccessToken: string;
  AttributeName: string;
  Code: string;
}

export const verifyUserAttribute = defineOperation<Input, Record<string, never>>({
  name: 'VerifyUserAttribute',
  auth: 'none',
  shape: { AccessToken: TOKEN, AttributeName: ATTRIBUTE_NAME, Code: { type: 'string', required: true, min: 1, max: 2048, pattern: '[\\S]+' } },
  async run(env, input, call) {
    const { pool, user } = await authenticateAccessToken(env, call, input.AccessToken);
    const name = requireVerifiable(input.AttributeName);
    const now = env.clock.now();
    countCall(user, 'VerifyUserAttribute', now);
    checkCode(call, 'attribute-verification', user.attributeCodes.get(name), input.Code, now);
    const value = user.attributes.get(name) ?? '';
    const holder = otherHolder(pool, user, name, value);
    if (holder) {
      call.note({ kind: 'info', summary: `${value} already signs in ${holder.username}; it cannot become a second user's alias.` });
      throw aliasExists(name);
    }
    user.attributeCodes.delete(name);
    user.attributes.set(`${name}_verified`, 'true');
    user.lastModified = now;
    call.note({
      kind: 'user-changed',
      summary: `${user.username}'s ${name} ${value} is now verified${pool.aliasAttributes.includes(name) ? ' and can be used to sign in' : ''}.`,
      username: user.username,
      change: `${name} verified`,
    });
    return {};
  },
});
