// A REST API's routes (who may call each: no one in particular, a Cognito user pool's tokens, SigV4-signed
// AWS credentials, or a Lambda authorizer) and its authorizers.
import { useId, useState } from 'react';
import type { RestAuthorizerConfig, RestRouteConfig } from '../../../sim/world/api-config';
import type { RestApiConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import { duplicates, pattern, required, type Issues } from './checks';
import { ChoiceGroup, NumberField, SelectField, TextField } from './fields';
import { AddButton, freshName, RemoveButton } from './list-controls';
import { Picker, within } from './pick';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';
import { LinesField } from './text-fields';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
const AUTHORIZATION = [
  { value: 'NONE', label: 'None (open)' },
  { value: 'COGNITO_USER_POOLS', label: 'Cognito user pool (COGNITO_USER_POOLS)' },
  { value: 'AWS_IAM', label: 'AWS credentials, SigV4 (AWS_IAM)' },
  { value: 'CUSTOM', label: 'Lambda authorizer (CUSTOM)' },
];

/**
 * Beyond validateWorld (stage, authorizer types, user pools and functions, each method's authorizer): the
 * resource path's form, one method per path, scopes only on Cognito methods, authorizers' names and sources.
 */
export function checkApi(d: RestApiConfig, scope: string): Issues {
  const issues: Issues = [];
  const at = (path: string) => `${scope}.${path}`;
  d.routes.forEach((r, i) => {
    const route = (field: string) => at(`routes[${i}].${field}`);
    required(issues, route('path'), r.path, 'Enter the resource path, e.g. /notes.');
    pattern(issues, route('path'), r.path, /^\/(?:(?:\{[A-Za-z0-9._-]+\+?\}|[A-Za-z0-9._:-]+)(?:\/(?:\{[A-Za-z0-9._-]+\+?\}|[A-Za-z0-9._:-]+))*)?$/, 'A resource path starts with / and each part is letters, numbers and . _ - : or a {variable}.');
    if ((r.scopes ?? []).length && r.authorization !== 'COGNITO_USER_POOLS') issues.push({ path: route('scopes'), message: 'Authorization scopes apply only to COGNITO_USER_POOLS methods.' });
  });
  // [P] PutMethod's ConflictException.
  duplicates(issues, d.routes, (r) => `${r.method} ${r.path}`, (i) => at(`routes[${i}].path`), () => 'Method already exists for this resource');
  const authorizers = d.authorizers ?? [];
  authorizers.forEach((a, i) => {
    const field = (name: string) => at(`authorizers[${i}].${name}`);
    required(issues, field('name'), a.name, 'Enter an authorizer name.');
    required(issues, field('identitySource'), a.identitySource, 'Enter the identity source, e.g. method.request.header.Authorization.');
    // [V BOTO CreateAuthorizer identitySource] COGNITO_USER_POOLS and TOKEN: one header.
    if (a.type !== 'REQUEST') pattern(issues, field('identitySource'), a.identitySource, /^method\.request\.header\.[A-Za-z0-9-]+$/, 'The identity source is one header: method.request.header.<name>.');
  });
  duplicates(issues, authorizers, (a) => a.name, (i) => at(`authorizers[${i}].name`), (name) => `An authorizer called ${name} already exists.`);
  return issues;
}

function integrationWords(r: RestRouteConfig): string {
  const i = r.integration;
  if (!i) return 'A mock answering {"message":"…"}';
  if (i.type === 'lambda') return `Lambda function ${i.functionName}`;
  if (i.type === 'mock') return 'A mock response';
  return `DynamoDB ${i.action} with role ${i.roleName}`;
}

export function ApiSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const a = within(chosen, api.world.restApis.length);
  const scope = `restApis[${a}]`;
  const form = useSectionForm<RestApiConfig>(baseId, {
    scope,
    read: (w) => w.restApis[a]!,
    write: (w, d) => ({ ...w, restApis: w.restApis.map((x, i) => (i === a ? d : x)) }),
    check: (d) => (d ? checkApi(d, scope) : []),
  });
  if (!api.world.restApis[a]) return <p>This world has no REST API.</p>;
  const d = form.draft;
  const authorizers = d.authorizers ?? [];
  const functions = (api.world.functions ?? []).map((f) => ({ value: f.name, label: `${f.name} (${f.handler})` }));
  return (
    <SectionFrame
      form={form}
      title={`API ${d.name}`}
      description={<p>Each route is a method on a resource path, with the authorization API Gateway checks before the integration runs.</p>}
      applyLabel="Apply API routes and authorizers"
      before={<Picker label="REST API to edit" names={api.world.restApis.map((x) => x.name)} index={a} onChange={setChosen} />}
    >
      <TextField path="stage" label="Stage" />
      <fieldset className="config-fieldset">
        <legend>Routes</legend>
        {d.routes.map((r, i) => (
          <fieldset key={i} className="config-fieldset config-item">
            <legend>
              Route {i + 1}: {r.method} {r.path}
            </legend>
            <div className="config-row">
              <SelectField path={`routes[${i}].method`} label="Method" options={METHODS.map((m) => ({ value: m, label: m }))} />
              <TextField path={`routes[${i}].path`} label="Resource path" />
            </div>
            <SelectField path={`routes[${i}].authorization`} label="Authorization" options={AUTHORIZATION} />
            {(r.authorization === 'COGNITO_USER_POOLS' || r.authorization === 'CUSTOM') && (
              <SelectField path={`routes[${i}].authorizer`} label="Authorizer" options={authorizers.map((x) => ({ value: x.name, label: `${x.name} (${x.type})` }))} emptyLabel="The API’s first Cognito authorizer" />
            )}
            {r.authorization === 'COGNITO_USER_POOLS' && <LinesField path={`routes[${i}].scopes`} label="OAuth scopes" hint="One a line. With a scope, only an access token carrying it gets in." rows={2} />}
            <p className="config-field__hint">Integration: {integrationWords(r)}</p>
            <RemoveButton path="routes" index={i} label={`Remove route ${r.method} ${r.path}`} />
          </fieldset>
        ))}
        <AddButton<RestRouteConfig>
          path="routes"
          label="Add a route"
          make={() => ({ method: 'GET', path: '/new', authorization: 'NONE', integration: { type: 'mock', body: '{"message":"Hello from a new route."}' } })}
          focusPath={(i) => `routes[${i}].path`}
        />
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Authorizers</legend>
        {authorizers.map((x, i) => (
          <fieldset key={i} className="config-fieldset config-item">
            <legend>
              Authorizer {i + 1}: {x.name}
            </legend>
            <TextField path={`authorizers[${i}].name`} label="Authorizer name" />
            <SelectField
              path={`authorizers[${i}].type`}
              label="Type"
              options={[
                { value: 'COGNITO_USER_POOLS', label: 'Cognito user pool' },
                { value: 'TOKEN', label: 'Lambda, TOKEN' },
                { value: 'REQUEST', label: 'Lambda, REQUEST' },
              ]}
            />
            {x.type === 'COGNITO_USER_POOLS' ? (
              <ChoiceGroup path={`authorizers[${i}].userPools`} label="User pools whose tokens it accepts" multiple options={api.world.userPools.map((u) => ({ value: u.name, label: u.name }))} />
            ) : (
              <SelectField path={`authorizers[${i}].functionName`} label="Lambda function" options={functions} emptyLabel="Choose a function" />
            )}
            <TextField path={`authorizers[${i}].identitySource`} label="Identity source" />
            <NumberField path={`authorizers[${i}].resultTtlInSeconds`} label="Result cache TTL" hint="0 to 3600 seconds; empty for AWS's default, 300." unit="seconds" optional />
            <RemoveButton path="authorizers" index={i} label={`Remove authorizer ${x.name || i + 1}`} />
          </fieldset>
        ))}
        <AddButton<RestAuthorizerConfig>
          path="authorizers"
          label="Add an authorizer"
          make={(list) => ({ name: freshName('Authorizer', list.map((x) => x.name)), type: 'COGNITO_USER_POOLS', userPools: api.world.userPools.slice(0, 1).map((u) => u.name), identitySource: 'method.request.header.Authorization' })}
          focusPath={(i) => `authorizers[${i}].name`}
        />
      </fieldset>
    </SectionFrame>
  );
}
