// The simulated Facebook on its real hosts: www.facebook.com (the Login dialog) and graph.facebook.com (the Graph
// API). Both take an optional version prefix (/v17.0/dialog/oauth, /v17.0/me) as the real ones do.
import type { Service, ServiceContext } from '../../core/router';
import { html } from '../../hosted-ui/responses';
import { messagePage } from '../../hosted-ui/pages';
import { facebookDialog, facebookLogin } from './dialog';
import type { FacebookEnv } from './env';
import { graphError } from './tokens';
import { appOfToken, exchangeCode, me } from './graph';

export const FACEBOOK_HOSTS = ['www.facebook.com', 'graph.facebook.com'] as const;

type Route = (env: FacebookEnv, call: ServiceContext) => Promise<Response>;

const ROUTES: Record<string, Record<string, Partial<Record<string, Route>>>> = {
  'www.facebook.com': { '/dialog/oauth': { GET: facebookDialog }, '/login/oauth': { POST: facebookLogin } },
  'graph.facebook.com': { '/oauth/access_token': { GET: exchangeCode }, '/me': { GET: me }, '/app': { GET: appOfToken } },
};

export function createFacebookService(env: FacebookEnv): Service {
  return {
    actor: 'facebook',
    handles: (host) => (FACEBOOK_HOSTS as readonly string[]).includes(host),
    async handle(call) {
      const host = call.url.hostname.toLowerCase();
      const path = call.url.pathname.replace(/^\/v\d+\.\d+(?=\/)/, '');
      const route = ROUTES[host]?.[path]?.[call.method];
      if (route) return route(env, call);
      // [P] The Graph API's answer for a path it does not know.
      if (host === 'graph.facebook.com') return graphError(env, 'Unsupported get request. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api', 100, 33);
      return html(404, messagePage("This page isn't available", 'The link you followed may be broken, or the page may have been removed.'));
    },
  };
}
