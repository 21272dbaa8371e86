// The user pool's identity providers (Google, Facebook, a SAML directory…) and how each one's claims or
// SAML attributes become user pool attributes (the attribute mapping).
import { useId, useState } from 'react';
import type { IdentityProviderConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import type { Issues } from './checks';
import { SelectField, TextField } from './fields';
import { AddButton, freshName, RemoveButton } from './list-controls';
import { Picker, within } from './pick';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';
import { MapField } from './text-fields';
import { STANDARD_ATTRIBUTES } from './user-pool-section';

type Draft = { identityProviders?: IdentityProviderConfig[] };

/** Beyond validateWorld (names, types, unique names): an attribute mapping maps to attributes of the pool. */
export function checkProviders(d: Draft, scope: string): Issues {
  const issues: Issues = [];
  (d.identityProviders ?? []).forEach((idp, i) => {
    for (const key of Object.keys(idp.attributeMapping ?? {})) {
      if (!STANDARD_ATTRIBUTES.includes(key) && !key.startsWith('custom:') && key !== 'email_verified' && key !== 'phone_number_verified' && key !== 'username') {
        issues.push({ path: `${scope}.identityProviders[${i}].attributeMapping`, message: `${key} is not an attribute of the user pool: map to a standard attribute or to custom:<name>.` });
      }
    }
  });
  return issues;
}

export function IdentityProvidersSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const p = within(chosen, api.world.userPools.length);
  const scope = `userPools[${p}]`;
  const form = useSectionForm<Draft>(baseId, {
    scope,
    read: (w) => ({ identityProviders: w.userPools[p]?.identityProviders ?? [] }),
    write: (w, d) => ({ ...w, userPools: w.userPools.map((u, i) => (i === p ? { ...u, identityProviders: d.identityProviders ?? [] } : u)) }),
    check: (d) => checkProviders(d, scope),
  });
  if (api.world.userPools.length === 0) return <p>This world has no user pool.</p>;
  const list = form.draft.identityProviders ?? [];
  return (
    <SectionFrame
      form={form}
      title="Identity providers"
      description={
        <p>
          Users of these providers sign in through the hosted UI and become users of the pool named <code>{'{Provider}_{subject}'}</code>. The attribute mapping says which
          of the provider’s claims (or SAML attributes) fills each user pool attribute.
        </p>
      }
      applyLabel="Apply identity providers"
      before={<Picker label="User pool" names={api.world.userPools.map((u) => u.name)} index={p} onChange={setChosen} />}
    >
      {list.length === 0 && <p className="muted">This pool has no identity providers: only its own users sign in.</p>}
      {list.map((idp, i) => (
        <fieldset key={i} className="config-fieldset config-item">
          <legend>
            Provider {i + 1}
            {idp.name ? `: ${idp.name}` : ''}
          </legend>
          <TextField path={`identityProviders[${i}].name`} label="Provider name" />
          <SelectField
            path={`identityProviders[${i}].type`}
            label="Provider type"
            options={[
              { value: 'Google', label: 'Google' },
              { value: 'Facebook', label: 'Facebook' },
              { value: 'SAML', label: 'SAML' },
              { value: 'OIDC', label: 'OpenID Connect (OIDC)' },
            ]}
          />
          <MapField path={`identityProviders[${i}].attributeMapping`} label="Attribute mapping" hint="One a line: user pool attribute = provider attribute (e.g. email = email)." />
          <RemoveButton path="identityProviders" index={i} label={`Remove provider ${idp.name || i + 1}`} />
        </fieldset>
      ))}
      <AddButton<IdentityProviderConfig>
        path="identityProviders"
        label="Add an identity provider"
        make={(l) => ({ name: freshName('Provider', l.map((x) => x.name)), type: 'OIDC', attributeMapping: { email: 'email' } })}
        focusPath={(i) => `identityProviders[${i}].name`}
      />
    </SectionFrame>
  );
}
