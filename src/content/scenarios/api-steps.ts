// Steps the API Gateway scenarios share: one call to NotesApi (or the HTTP API), narrated.
import { callApi } from '../../client/api-client';
import type { Credentials } from '../../client/aws-client';
import type { ScenarioContext, StepMeta } from './types';

export function notesApiUrl(ctx: ScenarioContext, path: string): string {
  return `${ctx.world.restApis.find((a) => a.name === 'NotesApi')!.invokeUrl}${path}`;
}

export function api(ctx: ScenarioContext, meta: StepMeta, path: string, options: { token?: string; credentials?: Credentials } = {}) {
  return ctx.step(meta, () =>
    callApi(ctx.fetch, {
      url: notesApiUrl(ctx, path),
      headers: options.token === undefined ? {} : { authorization: options.token },
      ...(options.credentials ? { credentials: options.credentials, region: ctx.world.region, now: ctx.now() } : {}),
    }),
  );
}

/** Signs in a demo user and returns both tokens, as one step. */
export async function signInForTokens(ctx: ScenarioContext, who: 'alice' | 'bob', password: string, meta: StepMeta): Promise<{ IdToken: string; AccessToken: string }> {
  const web = ctx.world.userPools[0]!.clients.find((c) => c.name === 'web')!;
  const result = await ctx.step(meta, () =>
    ctx.idp.call<{ AuthenticationResult: { IdToken: string; AccessToken: string } }>('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: who, PASSWORD: password } }),
  );
  return result.ok ? result.output.AuthenticationResult : { IdToken: '', AccessToken: '' };
}
