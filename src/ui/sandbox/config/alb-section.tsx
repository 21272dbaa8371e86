// The load balancer's HTTPS listener rules, lowest priority first: a path pattern and what happens —
// sign the user in with Cognito first (authenticate-cognito), forward to a target, answer by itself, or redirect.
import { useId, useState } from 'react';
import type { LoadBalancerConfig, LoadBalancerRuleConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import { pattern, required, type Issues } from './checks';
import { NumberField, SelectField, TextField } from './fields';
import { AddButton, RemoveButton } from './list-controls';
import { Picker, within } from './pick';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';

/** Beyond validateWorld (priorities, targets, the client and pool authenticate-cognito needs): the path pattern, the fixed response and the redirect. */
export function checkRules(lb: LoadBalancerConfig, scope: string): Issues {
  const issues: Issues = [];
  lb.rules.forEach((r, i) => {
    const at = (field: string) => `${scope}.rules[${i}].${field}`;
    required(issues, at('path'), r.path, 'Enter a path pattern, e.g. /app/*.');
    // [V BOTO elbv2 PathPatternConditionConfig: up to 128 characters; A–Z, a–z, 0–9, _ - . $ / ~ " ' @ : + & * ?]
    pattern(issues, at('path'), r.path, /^[A-Za-z0-9_\-.$/~"'@:+&*?]{1,128}$/, `A path pattern is up to 128 characters: letters, numbers and _ - . $ / ~ " ' @ : + & * ?`);
    if (r.action === 'fixed-response' || (r.action === 'authenticate-cognito' && r.fixedResponse)) {
      const code = r.fixedResponse?.statusCode;
      // [V BOTO elbv2 FixedResponseActionConfig: StatusCode ^(2|4|5)\d\d$, MessageBody up to 1024 characters]
      if (code === undefined || !/^[245]\d\d$/.test(String(code))) issues.push({ path: at('fixedResponse.statusCode'), message: 'The status code must be 2XX, 4XX or 5XX.' });
      if ((r.fixedResponse?.messageBody ?? '').length > 1024) issues.push({ path: at('fixedResponse.messageBody'), message: 'A fixed response body is at most 1024 characters.' });
    }
    if (r.action === 'redirect' && !r.redirect?.statusCode) issues.push({ path: at('redirect.statusCode'), message: 'Choose the redirect’s status code, HTTP_301 or HTTP_302.' });
  });
  return issues;
}

export function AlbSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const l = within(chosen, api.world.loadBalancers.length);
  const scope = `loadBalancers[${l}]`;
  const form = useSectionForm<LoadBalancerConfig>(baseId, {
    scope,
    read: (w) => w.loadBalancers[l]!,
    write: (w, d) => ({ ...w, loadBalancers: w.loadBalancers.map((x, i) => (i === l ? d : x)) }),
    check: (d) => (d ? checkRules(d, scope) : []),
  });
  if (!api.world.loadBalancers[l]) return <p>This world has no load balancer.</p>;
  const d = form.draft;
  const targets = (d.targets ?? []).map((t) => ({ value: t.name, label: `${t.name} (${t.handler})` }));
  const pools = api.world.userPools.map((u) => ({ value: u.name, label: u.name }));
  return (
    <SectionFrame
      form={form}
      title={`Load balancer ${d.name}`}
      description={<p>Rules are tried lowest priority first; the first whose path pattern matches decides. An authenticate-cognito rule signs the user in through the hosted UI before it forwards.</p>}
      applyLabel="Apply load balancer rules"
      before={<Picker label="Load balancer to edit" names={api.world.loadBalancers.map((x) => x.name)} index={l} onChange={setChosen} />}
    >
      {d.rules.map((r, i) => {
        const at = `rules[${i}]`;
        const pool = api.world.userPools.find((u) => u.name === r.authenticate?.userPool);
        return (
          <fieldset key={i} className="config-fieldset config-item">
            <legend>
              Rule {i + 1}: {r.path}
            </legend>
            <div className="config-row">
              <TextField path={`${at}.path`} label="Path pattern" />
              <NumberField path={`${at}.priority`} label="Priority" hint="1 to 50000; empty: 10 × its place in the list." optional />
            </div>
            <SelectField
              path={`${at}.action`}
              label="Action"
              options={[
                { value: 'authenticate-cognito', label: 'Authenticate with Cognito, then forward' },
                { value: 'forward', label: 'Forward to a target' },
                { value: 'fixed-response', label: 'Fixed response' },
                { value: 'redirect', label: 'Redirect' },
              ]}
            />
            {r.action === 'authenticate-cognito' && (
              <div className="config-row">
                <SelectField path={`${at}.authenticate.userPool`} label="User pool" options={pools} emptyLabel="Choose a user pool" />
                <SelectField path={`${at}.authenticate.userPoolClient`} label="App client" options={(pool?.clients ?? []).map((c) => ({ value: c.name, label: c.name }))} emptyLabel="Choose an app client" />
                <TextField path={`${at}.authenticate.scope`} label="Scope" optional placeholder="openid" />
                <SelectField
                  path={`${at}.authenticate.onUnauthenticatedRequest`}
                  label="Unauthenticated requests"
                  options={[
                    { value: 'authenticate', label: 'Authenticate (redirect to sign in)' },
                    { value: 'allow', label: 'Allow (forward without the user)' },
                    { value: 'deny', label: 'Deny (401)' },
                  ]}
                />
              </div>
            )}
            {(r.action === 'forward' || (r.action === 'authenticate-cognito' && !r.fixedResponse && !r.redirect)) && (
              <SelectField path={`${at}.forward.target`} label="Target" options={targets} emptyLabel="The first target" />
            )}
            {r.action === 'fixed-response' && (
              <div className="config-row">
                <NumberField path={`${at}.fixedResponse.statusCode`} label="Status code" />
                <TextField path={`${at}.fixedResponse.messageBody`} label="Response body" optional />
              </div>
            )}
            {r.action === 'redirect' && (
              <div className="config-row">
                <SelectField path={`${at}.redirect.statusCode`} label="Redirect status" options={[{ value: 'HTTP_301', label: '301 (permanent)' }, { value: 'HTTP_302', label: '302 (found)' }]} emptyLabel="Choose a status" />
                <TextField path={`${at}.redirect.path`} label="To path" optional placeholder="#{path}" />
              </div>
            )}
            <RemoveButton path="rules" index={i} label={`Remove rule ${r.path || i + 1}`} />
          </fieldset>
        );
      })}
      <AddButton<LoadBalancerRuleConfig>
        path="rules"
        label="Add a rule"
        make={(list) => ({ path: '/new/*', action: 'fixed-response', priority: (Math.max(0, ...list.map((x) => x.priority ?? 0)) || list.length * 10) + 10, fixedResponse: { statusCode: 200, contentType: 'text/plain', messageBody: 'OK' } })}
        focusPath={(i) => `rules[${i}].path`}
      />
    </SectionFrame>
  );
}
