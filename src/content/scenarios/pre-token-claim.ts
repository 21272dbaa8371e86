// Lambda triggers 1: a pre sign-up trigger confirms a student of a trusted domain at once, and a pre token generation
// trigger adds claims to her ID token. Each trigger is a Lambda invocation nested under the user pool's own exchange.
import type { Scenario } from './types';
import { idClaims, SCENARIO_START } from './helpers';

const USERNAME = 'erin';
const EMAIL = 'erin@example.edu';
const PASSWORD = 'Erin#Passw0rd';

export const preTokenClaim: Scenario = {
  id: 'pre-token-claim',
  title: 'A pre token generation trigger adds a claim',
  goal: 'See a pre sign-up trigger confirm a new user without a code, and a pre token generation trigger add claims to her ID token.',
  level: 'intermediate',
  services: ['User pool'],
  minutes: 6,
  seed: 701,
  startTime: SCENARIO_START,
  world: (base) => {
    const pool = base.userPools[0]!;
    pool.lambdaTriggers = { preSignUp: 'signup-gate', preTokenGeneration: 'token-enricher' };
    base.functions = [
      ...(base.functions ?? []),
      { name: 'signup-gate', handler: 'pre-sign-up-domain-policy', description: 'Confirms example.edu students at once; refuses disposable e-mail domains', settings: { autoConfirmDomains: 'example.edu' } },
      { name: 'token-enricher', handler: 'pre-token-claims', description: 'Adds tier and department claims to the ID token', settings: { goldGroup: 'admins' } },
    ];
    return base;
  },
  outcome: "Erin's ID token carries claims that are in no attribute of hers: tier \"standard\" and department \"physics\", added by the pre token generation function just before Cognito signed the token.",
  check: (last, run) => {
    const claims = idClaims(last);
    const invokedLambda = run.trace.some((x) => x.parentId === last.id && x.to === 'lambda' && (x.request.body ?? '').includes('"TokenGeneration_Authentication"'));
    return last.operation === 'InitiateAuth' && last.response.status === 200 && invokedLambda && claims.tier === 'standard' && claims.department === 'physics';
  },
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;

    await ctx.step(
      {
        title: 'Sign up: the pre sign-up trigger',
        narration: `Erin signs up with her university address ${EMAIL}. Before creating her, the pool invokes its pre sign-up Lambda function (see the nested call to Lambda): it receives her attributes and answers autoConfirmUser and autoVerifyEmail true, because example.edu is a trusted domain. So SignUp answers UserConfirmed: true and no confirmation code is sent.`,
        examTip: 'Lambda triggers customise a user pool\'s flows: pre sign-up (validate or auto-confirm), post confirmation (welcome, provisioning), pre token generation (claims), custom message, and define/create/verify auth challenge (custom sign-in).',
      },
      () => ctx.idp.call('SignUp', { ClientId: web.clientId, Username: USERNAME, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: EMAIL }, { Name: 'custom:department', Value: 'physics' }] }),
    );

    await ctx.step(
      {
        title: 'Sign in: the pre token generation trigger',
        narration: 'Erin signs in at once. The password is right, so before signing the tokens the pool invokes its pre token generation function with her attributes and groups (TokenGeneration_Authentication). The function answers claimsToAddOrOverride {tier, department}; Cognito writes them into the ID token and signs it. Claims such as sub, aud or cognito:username cannot be changed this way.',
        examTip: 'Use a pre token generation trigger to put application data (roles, tenant, plan) into tokens, so APIs behind a Cognito authorizer can decide without a database call.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }),
    );
  },
};
