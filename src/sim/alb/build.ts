// Builds each load balancer from the world: rules sorted by priority, authenticate-cognito actions resolved
// to the user pool's id and ARN, the hosted UI's host and the app client's id and secret, and the targets
// given private DNS names. A world that names a missing pool, client, domain or target is refused at start,
// as AWS refuses to create such a rule; so is a client AWS would not accept (no secret, no code grant).
import type { Random } from '../core/random';
import type { UserPool } from '../user-pool/model';
import type { AuthenticateCognitoConfig, LoadBalancerConfig, LoadBalancerFinalAction, LoadBalancerRuleConfig } from '../world/config';
import type { AuthenticateAction, FinalAction, LoadBalancer, Rule, Target } from './model';

export const DEFAULT_COOKIE_NAME = 'AWSELBAuthSessionCookie';
/** 7 days, AWS's default SessionTimeout. */
export const DEFAULT_SESSION_TIMEOUT = 604800;

export interface BuildInput {
  region: string;
  accountId: string;
  config: LoadBalancerConfig;
  ids: { name: string; dnsName: string; arn: string };
  pools: Iterable<UserPool>;
  random: Random;
}

function fail(name: string, problem: string): never {
  throw new Error(`world: load balancer ${name}: ${problem}`);
}

function resolveAuthenticate(input: BuildInput, auth: AuthenticateCognitoConfig): AuthenticateAction {
  const name = input.config.name;
  const pool = [...input.pools].find((p) => p.name === auth.userPool) ?? fail(name, `no user pool named ${auth.userPool}`);
  const client = [...pool.clients.values()].find((c) => c.clientName === auth.userPoolClient) ?? fail(name, `no app client ${auth.userPoolClient} in ${pool.name}`);
  // AWS: "You must configure the client to generate a client secret, use code grant flow" (listener-authenticate-users.html).
  if (!client.clientSecret) fail(name, `app client ${client.clientName} has no secret; the load balancer needs one`);
  if (!client.allowedOAuthFlows.includes('code')) fail(name, `app client ${client.clientName} does not allow the code grant`);
  const prefix = auth.userPoolDomain ?? pool.domain ?? fail(name, `user pool ${pool.name} has no domain`);
  const sessionTimeout = auth.sessionTimeout ?? DEFAULT_SESSION_TIMEOUT;
  // AuthenticateCognitoActionConfig: SessionTimeout is 1 second to 7 days.
  if (!Number.isInteger(sessionTimeout) || sessionTimeout < 1 || sessionTimeout > DEFAULT_SESSION_TIMEOUT) fail(name, 'SessionTimeout must be 1 to 604800 seconds');
  const extraParams = auth.authenticationRequestExtraParams ?? {};
  if (Object.keys(extraParams).length > 10) fail(name, 'AuthenticationRequestExtraParams takes at most 10 parameters');
  return {
    type: 'authenticate-cognito',
    userPoolId: pool.id,
    userPoolArn: pool.arn,
    issuer: `https://cognito-idp.${input.region}.amazonaws.com/${pool.id}`,
    domainHost: `${prefix}.auth.${input.region}.amazoncognito.com`,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    scope: auth.scope ?? 'openid',
    sessionCookieName: auth.sessionCookieName ?? DEFAULT_COOKIE_NAME,
    sessionTimeout,
    onUnauthenticatedRequest: auth.onUnauthenticatedRequest ?? 'authenticate',
    extraParams: { ...extraParams },
  };
}

/** Private DNS names as EC2 gives them: ip-10-0-1-23.ec2.internal in us-east-1, ….{region}.compute.internal elsewhere. */
function privateDns(region: string, random: Random): string {
  const ip = `ip-10-0-${1 + random.int(3)}-${10 + random.int(240)}`;
  return region === 'us-east-1' ? `${ip}.ec2.internal` : `${ip}.${region}.compute.internal`;
}

function resolveFinal(name: string, targets: Target[], action: LoadBalancerFinalAction): FinalAction {
  switch (action.type) {
    case 'forward':
      return { type: 'forward', target: targets.find((t) => t.name === action.target) ?? fail(name, `no target named ${action.target}`) };
    case 'fixed-response':
    case 'redirect':
      return action;
  }
}

function resolveRule(input: BuildInput, targets: Target[], rule: LoadBalancerRuleConfig, index: number): Rule {
  const name = input.config.name;
  const priority = rule.priority ?? (index + 1) * 10;
  if (!Number.isInteger(priority) || priority < 1 || priority > 50000) fail(name, `rule ${rule.path}: priority must be 1 to 50000`);
  const forward = (): FinalAction => {
    const target = rule.forward?.target ?? targets[0]?.name ?? fail(name, `rule ${rule.path} forwards, but the load balancer has no targets`);
    return resolveFinal(name, targets, { type: 'forward', target });
  };
  const base = { index, priority, path: rule.path };
  switch (rule.action) {
    case 'authenticate-cognito': {
      if (!rule.authenticate) fail(name, `rule ${rule.path}: authenticate-cognito needs its AuthenticateCognitoConfig`);
      const then = rule.fixedResponse
        ? resolveFinal(name, targets, { type: 'fixed-response', ...rule.fixedResponse })
        : rule.redirect
          ? resolveFinal(name, targets, { type: 'redirect', ...rule.redirect })
          : forward();
      return { ...base, authenticate: resolveAuthenticate(input, rule.authenticate), then };
    }
    case 'forward':
      return { ...base, then: forward() };
    case 'fixed-response':
      return { ...base, then: { type: 'fixed-response', ...(rule.fixedResponse ?? { statusCode: 200, contentType: 'text/plain', messageBody: 'OK' }) } };
    case 'redirect':
      return { ...base, then: { type: 'redirect', ...(rule.redirect ?? fail(name, `rule ${rule.path}: a redirect action needs its RedirectConfig`)) } };
  }
}

export function buildLoadBalancer(input: BuildInput): LoadBalancer {
  const targets: Target[] = (input.config.targets ?? []).map((t) => ({
    name: t.name,
    handler: t.handler,
    host: privateDns(input.region, input.random),
    logoutPath: t.logoutPath ?? '/signed-out',
  }));
  const rules = input.config.rules.map((rule, index) => resolveRule(input, targets, rule, index));
  const priorities = new Set<number>();
  for (const rule of rules) {
    if (priorities.has(rule.priority)) fail(input.config.name, `two rules have priority ${rule.priority}`);
    priorities.add(rule.priority);
  }
  rules.sort((a, b) => a.priority - b.priority);
  return {
    ...input.ids,
    rules,
    defaultAction: input.config.defaultAction
      ? resolveFinal(input.config.name, targets, input.config.defaultAction)
      : { type: 'fixed-response', statusCode: 404, contentType: 'text/plain', messageBody: 'Not Found' },
    ...(input.config.httpListener ? { httpListener: input.config.httpListener } : {}),
    targets,
  };
}
