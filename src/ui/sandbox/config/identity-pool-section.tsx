// The identity pool: which logins it accepts (user pool app clients, social and SAML providers), whether
// guests get credentials, whether the basic (classic) flow is on, the default roles, and how a signed-in
// user's role is chosen (from the token's cognito:preferred_role, or by rules on the token's claims).
import { useId, useState } from 'react';
import type { IdentityPoolConfig, IdentityPoolRoleMappingConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import { duplicates, required, type Issues } from './checks';
import { CheckField, ChoiceGroup, SelectField, TextField, type Option } from './fields';
import { AddButton, RemoveButton } from './list-controls';
import { Picker, within, withoutShownDefaults } from './pick';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';

type Rule = NonNullable<IdentityPoolRoleMappingConfig['rules']>[number];

/** Beyond validateWorld (name, roles, providers, 1–25 rules, claims): each rule's value, one mapping per provider. */
export function checkIdentityPool(d: IdentityPoolConfig, scope: string): Issues {
  const issues: Issues = [];
  (d.roleMappings ?? []).forEach((m, i) => {
    (m.rules ?? []).forEach((r, j) => required(issues, `${scope}.roleMappings[${i}].rules[${j}].value`, r.value, 'Enter the value the claim is compared with.'));
  });
  duplicates(issues, d.roleMappings, (m) => m.provider, (i) => `${scope}.roleMappings[${i}].provider`, (p) => `${p} already has a role mapping.`);
  return issues;
}

function RuleFields({ at, index, roles }: { at: string; index: number; roles: Option[] }) {
  const path = `${at}.rules[${index}]`;
  return (
    <fieldset className="config-fieldset config-item config-rule">
      <legend>Rule {index + 1}</legend>
      <TextField path={`${path}.claim`} label="Claim" />
      <SelectField
        path={`${path}.matchType`}
        label="Match type"
        options={['Equals', 'Contains', 'StartsWith', 'NotEqual'].map((v) => ({ value: v, label: v }))}
      />
      <TextField path={`${path}.value`} label="Value" />
      <SelectField path={`${path}.roleName`} label="Role" options={roles} />
      <RemoveButton path={`${at}.rules`} index={index} label={`Remove rule ${index + 1}`} />
    </fieldset>
  );
}

export function IdentityPoolSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const p = within(chosen, api.world.identityPools.length);
  const scope = `identityPools[${p}]`;
  const form = useSectionForm<IdentityPoolConfig>(baseId, {
    scope,
    read: (w) => ({ roleMapping: 'none', ...w.identityPools[p]! }),
    write: (w, d) => ({ ...w, identityPools: w.identityPools.map((x, i) => (i === p ? withoutShownDefaults(d, x, { roleMapping: 'none' }) : x)) }),
    check: (d) => (api.world.identityPools[p] ? checkIdentityPool(d, scope) : []),
  });
  if (api.world.identityPools.length === 0) return <p>This world has no identity pool.</p>;
  const d = form.draft;
  const roles = api.world.roles.map((r) => ({ value: r.name, label: r.name }));
  const clientOptions = api.world.userPools.flatMap((u) => u.clients.map((c) => `${u.name}/${c.name}`));
  const externalOptions = [...new Set([...api.world.userPools.flatMap((u) => (u.identityProviders ?? []).map((x) => x.name)), ...d.externalProviders])];
  const providers = [...d.userPoolClients, ...d.externalProviders].map((v) => ({ value: v, label: v }));
  const mappings = d.roleMappings ?? [];
  return (
    <SectionFrame
      form={form}
      title={`Identity pool ${api.world.identityPools[p]!.name}`}
      description={<p>The identity pool trades a login (or none, for a guest) for temporary AWS credentials of an IAM role.</p>}
      applyLabel="Apply identity pool"
      before={<Picker label="Identity pool to edit" names={api.world.identityPools.map((x) => x.name)} index={p} onChange={setChosen} />}
    >
      <fieldset className="config-fieldset">
        <legend>Pool and access</legend>
        <TextField path="name" label="Identity pool name" />
        <CheckField path="allowUnauthenticatedIdentities" label="Guest access (unauthenticated identities)" hint="Guests get credentials of the unauthenticated role, with no login at all." />
        <CheckField path="allowClassicFlow" label="Basic (classic) authentication flow" hint="GetOpenIdToken, then STS AssumeRoleWithWebIdentity by the app itself." />
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Identity providers</legend>
        <ChoiceGroup path="userPoolClients" label="User pool app clients" multiple options={clientOptions.map((v) => ({ value: v, label: v }))} />
        <ChoiceGroup path="externalProviders" label="Social and SAML providers" multiple options={externalOptions.map((v) => ({ value: v, label: v }))} />
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Roles</legend>
        <SelectField path="authenticatedRoleName" label="Authenticated role" options={roles} />
        <SelectField path="unauthenticatedRoleName" label="Guest (unauthenticated) role" options={roles} />
        <ChoiceGroup
          path="roleMapping"
          label="Role for signed-in users of the user pool"
          options={[
            { value: 'token', label: 'Choose the role from the token', hint: 'cognito:preferred_role (the group with the lowest precedence), else the authenticated role.' },
            { value: 'none', label: 'Use the authenticated role' },
          ]}
        />
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Role mappings per provider</legend>
        {mappings.length === 0 && <p className="muted">No provider has its own role mapping.</p>}
        {mappings.map((m, i) => {
          const at = `roleMappings[${i}]`;
          return (
            <fieldset key={i} className="config-fieldset config-item">
              <legend>Role mapping {i + 1}{m.provider ? `: ${m.provider}` : ''}</legend>
              <SelectField path={`${at}.provider`} label="Provider" options={providers} />
              <SelectField
                path={`${at}.type`}
                label="Role from"
                options={[
                  { value: 'Token', label: 'The token (Token)' },
                  { value: 'Rules', label: 'Rules on the claims (Rules)' },
                ]}
              />
              <SelectField
                path={`${at}.ambiguousRoleResolution`}
                label="When no role is found"
                options={[
                  { value: 'AuthenticatedRole', label: 'Use the authenticated role' },
                  { value: 'Deny', label: 'Deny the request' },
                ]}
              />
              {m.type === 'Rules' && (
                <>
                  {(m.rules ?? []).map((_, j) => (
                    <RuleFields key={j} at={at} index={j} roles={roles} />
                  ))}
                  <AddButton<Rule>
                    path={`${at}.rules`}
                    label={`Add a rule to mapping ${i + 1}`}
                    make={() => ({ claim: 'cognito:groups', matchType: 'Contains', value: '', roleName: d.authenticatedRoleName })}
                    focusPath={(j) => `${at}.rules[${j}].claim`}
                  />
                </>
              )}
              <RemoveButton path="roleMappings" index={i} label={`Remove role mapping ${i + 1}`} />
            </fieldset>
          );
        })}
        <AddButton<IdentityPoolRoleMappingConfig>
          path="roleMappings"
          label="Add a role mapping"
          make={() => ({ provider: providers[0]?.value ?? '', type: 'Rules', ambiguousRoleResolution: 'AuthenticatedRole', rules: [] })}
          focusPath={(i) => `roleMappings[${i}].provider`}
        />
      </fieldset>
    </SectionFrame>
  );
}
