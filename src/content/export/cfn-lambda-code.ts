// Inline source (Code.ZipFile, which CloudFormation saves as index.js) for the simulator's built-in Lambda
// handlers. The four API handlers are short enough to port as they are; the user pool triggers are left as
// pass-through starters that say what the simulator's handler does, for the learner to write.
import type { LambdaHandlerName } from '../../sim/world/api-config';

const DECIDE = `function decide(key, methodArn) {
  if (key === 'fail') throw new Error('The partner directory is unavailable');
  const match = /^(allow|deny)-([A-Za-z0-9_.-]{1,64})$/.exec(key);
  if (!match) throw new Error('Unauthorized');
  const [, verdict, partner] = match;
  return {
    principalId: partner,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: verdict === 'allow' ? 'Allow' : 'Deny', Resource: methodArn }] },
    context: { partner, tier: partner.startsWith('gold') ? 'gold' : 'standard', verified: true },
  };
}`;

const PORTED: Partial<Record<LambdaHandlerName, string>> = {
  'echo-claims': `// Answers with what API Gateway passed: the authorizer's claims or context, and the caller's identity.
exports.handler = async (event, context) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    message: 'Hello from ' + context.functionName,
    payloadVersion: event.version || '1.0',
    authorizer: (event.requestContext && event.requestContext.authorizer) || null,
    identity: (event.requestContext && event.requestContext.identity) || null,
  }),
});
`,
  'list-notes': `// Lists the caller's notes: the owner comes from the token's claims (sample notes, as in the simulator).
exports.handler = async (event) => {
  const authorizer = (event.requestContext && event.requestContext.authorizer) || {};
  const claims = authorizer.claims || (authorizer.jwt && authorizer.jwt.claims) || {};
  const owner = claims['cognito:username'] || claims.username || claims.sub;
  const reply = (statusCode, body) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!owner) return reply(401, { message: 'No user in the request: is the route behind an authorizer?' });
  return reply(200, {
    owner,
    scope: claims.scope || null,
    notes: [
      { noteId: 'welcome', title: 'Welcome, ' + owner, text: 'This list came from a Lambda function behind API Gateway.' },
      { noteId: 'scopes', title: 'Why a scope?', text: 'GET /notes needs an access token carrying notes-api/notes.read.' },
    ],
  });
};
`,
  'token-authorizer': `// TOKEN authorizer: "Bearer allow-<name>" allows, "Bearer deny-<name>" denies, anything else is Unauthorized (401).
${DECIDE}
exports.handler = async (event) => decide(String(event.authorizationToken || '').replace(/^Bearer /, ''), event.methodArn);
`,
  'request-authorizer': `// REQUEST authorizer: decides from the x-partner-key header ("allow-<name>" or "deny-<name>").
${DECIDE}
exports.handler = async (event) => {
  const headers = event.headers || {};
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'x-partner-key');
  return decide(name ? headers[name] : '', event.methodArn);
};
`,
};

const TRIGGER_PURPOSE: Partial<Record<LambdaHandlerName, string>> = {
  'pre-sign-up-domain-policy': 'refuse disposable e-mail domains (throw an Error) and set response.autoConfirmUser and response.autoVerifyEmail for a trusted domain',
  'post-confirmation-welcome': 'write the new user\u2019s welcome record (to a table of yours)',
  'pre-token-claims': 'add claims (tier, department) in response.claimsOverrideDetails.claimsToAddOrOverride',
  'custom-message-branded': 'set response.emailSubject, response.emailMessage and response.smsMessage, keeping event.request.codeParameter in the text',
  'define-auth-challenge': 'decide the next step from event.request.session: a CUSTOM_CHALLENGE, issueTokens or failAuthentication',
  'create-auth-challenge': 'put the question in response.publicChallengeParameters and its answer in response.privateChallengeParameters',
  'verify-auth-challenge': 'set response.answerCorrect by comparing event.request.challengeAnswer with the private answer',
  'forgets-to-return': 'show the classic bug: it returns nothing, and Cognito refuses the sign-in',
};

/** The inline source for a function, and whether it is a faithful port (false: a starter to finish). */
export function lambdaSource(handler: LambdaHandlerName): { code: string; ported: boolean } {
  const ported = PORTED[handler];
  if (ported) return { code: ported, ported: true };
  if (handler === 'forgets-to-return') {
    return { code: `// The simulator's "${handler}" handler: ${TRIGGER_PURPOSE[handler]}.\nexports.handler = async (event) => {\n  // (no return)\n};\n`, ported: true };
  }
  const purpose = TRIGGER_PURPOSE[handler] ?? 'answer as the simulator\u2019s built-in handler does';
  return {
    code: `// A starter for the simulator's "${handler}" handler, which would ${purpose}.
// As it stands it returns the event unchanged, which Amazon Cognito accepts: write the behaviour you need.
exports.handler = async (event) => {
  console.log(JSON.stringify(event));
  return event;
};
`,
    ported: false,
  };
}
