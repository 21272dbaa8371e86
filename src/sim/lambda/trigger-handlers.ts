// Built-in handlers for the user pool's Lambda triggers: pure functions of (event, context) that return the event
// with its `response` filled in, as AWS's examples do ("The function then returns the same event object back to
// Amazon Cognito, with any changes in the response" — COGDOC cognito-user-identity-pools-working-with-aws-lambda-
// triggers.md). What a real function would look up in a database comes from the function's settings here.
// They have no randomness and no side effects: a post confirmation function that would write to a table only
// composes its record, and the custom authentication challenge is a question with a configured answer (AWS's own
// example is a CAPTCHA whose answer the create function puts in privateChallengeParameters).
import type { LambdaContext, LambdaHandler } from './handlers';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const list = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
const requestOf = (event: Json): Json => asObject(event.request);
const attributesOf = (event: Json): Record<string, string> => asObject(requestOf(event).userAttributes) as Record<string, string>;

/**
 * Pre sign-up: refuses disposable e-mail domains (settings.blockedDomains, default "mailinator.com,guerrillamail.com")
 * by throwing, which Cognito turns into UserLambdaValidationException "PreSignUp failed with error <message>.";
 * confirms and verifies at once the users of a trusted domain (settings.autoConfirmDomains, default "example.edu")
 * on self-service sign-up. Cognito ignores the response for AdminCreateUser, so the function only sets it on SignUp.
 */
const preSignUpDomainPolicy: LambdaHandler = (rawEvent, context) => {
  const event = asObject(rawEvent);
  const email = attributesOf(event).email ?? '';
  const domain = email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : '';
  const blocked = list(context.settings.blockedDomains ?? 'mailinator.com,guerrillamail.com');
  // No trailing period: Cognito adds its own when it wraps the message.
  if (domain && blocked.includes(domain)) throw new Error(`Sign-ups with disposable e-mail addresses (${domain}) are not accepted`);
  const trusted = domain !== '' && list(context.settings.autoConfirmDomains ?? 'example.edu').includes(domain);
  const response = asObject(event.response);
  if (trusted && event.triggerSource === 'PreSignUp_SignUp') {
    response.autoConfirmUser = true;
    response.autoVerifyEmail = true;
  }
  return { ...event, response };
};

/**
 * Post confirmation: composes the welcome record a real function would write to a table (settings.appName names the
 * app). It returns it in `response`, where Cognito ignores it: this trigger's response has no parameters.
 */
const postConfirmationWelcome: LambdaHandler = (rawEvent, context) => {
  const event = asObject(rawEvent);
  const attributes = attributesOf(event);
  const name = attributes.given_name ?? attributes.name ?? String(event.userName ?? 'there');
  return {
    ...event,
    response: {
      welcomeRecord: {
        userSub: attributes.sub ?? null,
        message: `Welcome to ${context.settings.appName ?? 'Cognito Lab'}, ${name}!`,
        reason: event.triggerSource === 'PostConfirmation_ConfirmForgotPassword' ? 'password reset confirmed' : 'account confirmed',
      },
    },
  };
};

/**
 * Pre token generation (V1_0 event): adds a `tier` claim ("gold" for members of settings.goldGroup, default "admins",
 * else "standard") and a `department` claim (the custom:department attribute, else settings.department, default
 * "learning"); adds every settings entry "claim.<name>" as a claim; suppresses the claims in settings.suppress
 * (comma-separated); with settings.groups (comma-separated) it replaces the user's groups.
 */
const preTokenClaims: LambdaHandler = (rawEvent, context) => {
  const event = asObject(rawEvent);
  const request = requestOf(event);
  const groups = asObject(request.groupConfiguration).groupsToOverride;
  const memberOf = Array.isArray(groups) ? groups.map(String) : [];
  const settings = context.settings;
  const claimsToAddOrOverride: Record<string, string> = {
    tier: memberOf.includes(settings.goldGroup ?? 'admins') ? 'gold' : 'standard',
    department: attributesOf(event)['custom:department'] ?? settings.department ?? 'learning',
  };
  for (const [key, value] of Object.entries(settings)) if (key.startsWith('claim.')) claimsToAddOrOverride[key.slice('claim.'.length)] = value;
  const claimsOverrideDetails: Json = { claimsToAddOrOverride, claimsToSuppress: (settings.suppress ?? '').split(',').map((s) => s.trim()).filter(Boolean) };
  if (settings.groups !== undefined) {
    claimsOverrideDetails.groupOverrideDetails = { groupsToOverride: settings.groups.split(',').map((s) => s.trim()).filter(Boolean), iamRolesToOverride: [], preferredRole: null };
  }
  return { ...event, response: { claimsOverrideDetails } };
};

const CUSTOM_TEXTS: Record<string, (app: string, code: string, username: string, name: string) => { subject: string; text: string }> = {
  CustomMessage_SignUp: (app, code, _u, name) => ({ subject: `Welcome to ${app}`, text: `Hi ${name}, thanks for joining ${app}! Your confirmation code is ${code}.` }),
  CustomMessage_ResendCode: (app, code, _u, name) => ({ subject: `Your new ${app} code`, text: `Hi ${name}, here is a new confirmation code for ${app}: ${code}.` }),
  CustomMessage_ForgotPassword: (app, code, _u, name) => ({ subject: `Reset your ${app} password`, text: `Hi ${name}, use ${code} to choose a new ${app} password. If you did not ask, ignore this message.` }),
  CustomMessage_UpdateUserAttribute: (app, code, _u, name) => ({ subject: `Confirm your new ${app} address`, text: `Hi ${name}, confirm your new address for ${app} with the code ${code}.` }),
  CustomMessage_VerifyUserAttribute: (app, code, _u, name) => ({ subject: `Verify your ${app} address`, text: `Hi ${name}, your ${app} verification code is ${code}.` }),
  CustomMessage_AdminCreateUser: (app, code, username, name) => ({ subject: `Your ${app} account`, text: `Hi ${name}, an administrator created your ${app} account. Sign in as ${username} with the temporary password ${code}.` }),
};

/**
 * Custom message: the app's own wording (settings.appName, default "Cognito Lab") for every message with a code. It
 * writes request.codeParameter ({####}) where the code goes, and request.usernameParameter for invitations; Cognito
 * replaces them. Messages it has no wording for keep Cognito's default (it leaves the response empty).
 */
const customMessageBranded: LambdaHandler = (rawEvent, context) => {
  const event = asObject(rawEvent);
  const request = requestOf(event);
  const compose = CUSTOM_TEXTS[String(event.triggerSource)];
  if (!compose) return event;
  const attributes = attributesOf(event);
  const username = typeof request.usernameParameter === 'string' ? request.usernameParameter : String(event.userName ?? '');
  const { subject, text } = compose(context.settings.appName ?? 'Cognito Lab', String(request.codeParameter ?? ''), username, attributes.given_name ?? attributes.name ?? String(event.userName ?? ''));
  return { ...event, response: { smsMessage: text, emailMessage: `<p>${text}</p>`, emailSubject: subject } };
};

interface ChallengeResult {
  challengeName?: unknown;
  challengeResult?: unknown;
}

const sessionOf = (event: Json): ChallengeResult[] => {
  const session = requestOf(event).session;
  return Array.isArray(session) ? (session as ChallengeResult[]) : [];
};
const maxAttempts = (context: LambdaContext) => Math.max(1, Number.parseInt(context.settings.maxAttempts ?? '3', 10) || 3);

/**
 * Define auth challenge: the first round asks a CUSTOM_CHALLENGE; a right answer issues tokens; after
 * settings.maxAttempts (default 3) wrong answers the sign-in fails; in between, another round. It checks the
 * challenge name of every result, as AWS's guide advises.
 */
const defineAuthChallenge: LambdaHandler = (rawEvent, context) => {
  const event = asObject(rawEvent);
  const session = sessionOf(event);
  const last = session.at(-1);
  const custom = session.filter((r) => r.challengeName === 'CUSTOM_CHALLENGE');
  let response: Json;
  if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult === true) response = { issueTokens: true, failAuthentication: false };
  else if (custom.length >= maxAttempts(context) || session.some((r) => r.challengeName !== 'CUSTOM_CHALLENGE')) response = { issueTokens: false, failAuthentication: true };
  else response = { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false };
  return { ...event, response };
};

/**
 * Create auth challenge: a question (settings.question) whose expected answer (settings["answer:<username>"], else
 * settings.answer) goes into privateChallengeParameters, which only the verify function ever sees; the app gets the
 * question and the attempts left in publicChallengeParameters.
 */
const createAuthChallenge: LambdaHandler = (rawEvent, context) => {
  const event = asObject(rawEvent);
  const settings = context.settings;
  const answer = settings[`answer:${String(event.userName ?? '')}`] ?? settings.answer ?? '42';
  const used = sessionOf(event).filter((r) => r.challengeName === 'CUSTOM_CHALLENGE').length;
  return {
    ...event,
    response: {
      publicChallengeParameters: { question: settings.question ?? 'What is 6 × 7?', attemptsLeft: String(maxAttempts(context) - used) },
      privateChallengeParameters: { answer },
      challengeMetadata: 'QUESTION',
    },
  };
};

/** Verify auth challenge response: the answer is right when it matches the private one, ignoring case and spaces. */
const verifyAuthChallenge: LambdaHandler = (rawEvent) => {
  const event = asObject(rawEvent);
  const request = requestOf(event);
  const expected = String(asObject(request.privateChallengeParameters).answer ?? '');
  const given = typeof request.challengeAnswer === 'string' ? request.challengeAnswer : '';
  const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return { ...event, response: { answerCorrect: expected !== '' && normalise(given) === normalise(expected) } };
};

/** A classic bug: an async-style handler that never returns the event. Lambda answers `null`, which Cognito refuses. */
const forgetsToReturn: LambdaHandler = () => undefined;

export const TRIGGER_HANDLERS = {
  'pre-sign-up-domain-policy': preSignUpDomainPolicy,
  'post-confirmation-welcome': postConfirmationWelcome,
  'pre-token-claims': preTokenClaims,
  'custom-message-branded': customMessageBranded,
  'define-auth-challenge': defineAuthChallenge,
  'create-auth-challenge': createAuthChallenge,
  'verify-auth-challenge': verifyAuthChallenge,
  'forgets-to-return': forgetsToReturn,
} as const satisfies Record<string, LambdaHandler>;
