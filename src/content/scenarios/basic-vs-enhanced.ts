// Identity pool scenario 4: the basic (classic) flow — GetOpenIdToken then STS AssumeRoleWithWebIdentity —
// beside the enhanced flow's single GetCredentialsForIdentity.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { getCredentials, getId, logins, signIn } from './identity-steps';

export const basicVsEnhanced: Scenario = {
  id: 'identity-pool-basic-vs-enhanced',
  title: 'Basic flow versus enhanced flow',
  goal: 'Get credentials twice: through GetOpenIdToken and STS yourself (basic flow), and in one call (enhanced flow).',
  level: 'advanced',
  services: ['Identity pool', 'STS', 'IAM'],
  minutes: 7,
  seed: 204,
  startTime: SCENARIO_START,
  outcome: 'Both flows returned temporary credentials for the same role: the basic flow took two calls and the app chose the role; the enhanced flow took one and the identity pool chose it.',
  check: (last) => last.operation === 'GetCredentialsForIdentity' && last.response.status === 200,
  async script(ctx) {
    const idToken = await signIn(ctx, 'bob', { title: 'Sign in', narration: 'Bob signs in to the user pool and receives his ID token, the login both flows start from.' });
    const identityId = await getId(ctx, idToken, { title: 'GetId', narration: 'His app presents the ID token to the identity pool and gets his identity id, which both flows use.' });
    const openId = await ctx.step(
      {
        title: 'GetOpenIdToken',
        narration: 'Basic flow, step 1: the identity pool issues its own OpenID token for Bob\'s identity (RS512-signed, valid 10 minutes, aud = the identity pool, amr = authenticated and the provider).',
      },
      () => ctx.identity.call<{ Token: string }>('GetOpenIdToken', { IdentityId: identityId, Logins: logins(ctx, idToken) }),
    );
    const roleArn = `arn:aws:iam::${ctx.world.accountId}:role/Cognito_LearnerAuth_Role`;
    await ctx.step(
      {
        title: 'AssumeRoleWithWebIdentity',
        narration: 'Basic flow, step 2: the app itself calls STS with that token and the role it wants. STS checks the token\'s signature and the role\'s trust policy (aud must be this identity pool, amr must include authenticated) and returns credentials.',
        examTip: 'STS AssumeRoleWithWebIdentity exchanges a web identity token for temporary credentials of a role that trusts the token\'s issuer.',
      },
      () => ctx.assumeRoleWithWebIdentity({ RoleArn: roleArn, RoleSessionName: 'bob-basic-flow', WebIdentityToken: openId.ok ? openId.output.Token : '' }),
    );
    await getCredentials(ctx, identityId, idToken, {
      title: 'Enhanced flow',
      narration: 'The enhanced flow does the same in one call: GetCredentialsForIdentity. The identity pool picks the role (with role mapping), assumes it on the app\'s behalf, and for guests adds a scope-down policy. It is the recommended flow.',
    });
  },
};
