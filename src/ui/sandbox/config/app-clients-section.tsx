// The user pool's app clients, one at a time: the auth flows it allows, its secret, how it answers for
// users that do not exist (PreventUserExistenceErrors), token lifetimes, and the OAuth side (grants,
// scopes, callback and sign-out URLs, identity providers) that the hosted UI and the ALB rely on.
import { useId, useState } from 'react';
import type { AppClientConfig, UserPoolConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import { checkClients, CLIENT_DEFAULTS, SYSTEM_SCOPES } from './app-client-checks';
import { CheckField, ChoiceGroup, NumberField, SelectField, TextField } from './fields';
import { AddButton, freshName, RemoveButton } from './list-controls';
import { Picker, revealItem, within, withoutShownDefaults } from './pick';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';
import { LinesField } from './text-fields';

type Draft = { clients: AppClientConfig[] };

const UNITS = ['seconds', 'minutes', 'hours', 'days'].map((u) => ({ value: u, label: u }));

const AUTH_FLOWS = [
  { value: 'ALLOW_USER_SRP_AUTH', label: 'ALLOW_USER_SRP_AUTH', hint: 'Secure Remote Password: the password never leaves the app.' },
  { value: 'ALLOW_USER_PASSWORD_AUTH', label: 'ALLOW_USER_PASSWORD_AUTH', hint: 'The app sends the password itself (over TLS).' },
  { value: 'ALLOW_ADMIN_USER_PASSWORD_AUTH', label: 'ALLOW_ADMIN_USER_PASSWORD_AUTH', hint: 'A back end signs users in with AWS credentials.' },
  { value: 'ALLOW_CUSTOM_AUTH', label: 'ALLOW_CUSTOM_AUTH', hint: 'Lambda-defined challenges.' },
  { value: 'ALLOW_REFRESH_TOKEN_AUTH', label: 'ALLOW_REFRESH_TOKEN_AUTH', hint: 'New ID and access tokens from a refresh token.' },
  { value: 'ALLOW_USER_AUTH', label: 'ALLOW_USER_AUTH', hint: 'Choice-based sign-in.' },
];

/** What AWS does when a client leaves these out (shown in the form as the values they are). */
const SHOWN_DEFAULTS: Partial<AppClientConfig> = {
  generateSecret: false,
  preventUserExistenceErrors: 'LEGACY',
  enableTokenRevocation: true,
  idTokenValidity: CLIENT_DEFAULTS.idTokenValidity,
  accessTokenValidity: CLIENT_DEFAULTS.accessTokenValidity,
  refreshTokenValidity: CLIENT_DEFAULTS.refreshTokenValidity,
  tokenValidityUnits: CLIENT_DEFAULTS.units,
  authSessionValidity: CLIENT_DEFAULTS.authSessionValidity,
};

function withDefaults(c: AppClientConfig): AppClientConfig {
  return { ...SHOWN_DEFAULTS, ...c, tokenValidityUnits: { ...CLIENT_DEFAULTS.units, ...c.tokenValidityUnits } };
}

const customScopesOf = (pool: UserPoolConfig | undefined) => (pool?.resourceServers ?? []).flatMap((rs) => rs.scopes.map((s) => `${rs.identifier}/${s.name}`));

function Validity({ at, token, label }: { at: string; token: 'IdToken' | 'AccessToken' | 'RefreshToken'; label: string }) {
  const field = token === 'IdToken' ? 'idTokenValidity' : token === 'AccessToken' ? 'accessTokenValidity' : 'refreshTokenValidity';
  return (
    <div className="config-row">
      <NumberField path={`${at}.${field}`} label={`${label} lifetime`} />
      <SelectField path={`${at}.tokenValidityUnits.${token}`} label={`${label} lifetime unit`} options={UNITS} />
    </div>
  );
}

export function AppClientsSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosenPool, setChosenPool] = useState(0);
  const [chosen, setChosen] = useState(0);
  const p = within(chosenPool, api.world.userPools.length);
  const pool = api.world.userPools[p];
  const scope = `userPools[${p}]`;
  const customScopes = customScopesOf(pool);
  const form = useSectionForm<Draft>(baseId, {
    scope,
    read: (w) => ({ clients: (w.userPools[p]?.clients ?? []).map(withDefaults) }),
    write: (w, d) => ({
      ...w,
      userPools: w.userPools.map((u, i) => (i === p ? { ...u, clients: d.clients.map((c, j) => withoutShownDefaults(c, u.clients[j], SHOWN_DEFAULTS)) } : u)),
    }),
    check: (d) => checkClients(d.clients, scope),
  });
  if (!pool) return <p>This world has no user pool.</p>;
  const clients = form.draft.clients;
  const c = within(chosen, clients.length);
  const client = clients[c];
  const at = `clients[${c}]`;
  const idps = ['COGNITO', ...(pool.identityProviders ?? []).map((idp) => idp.name)];
  return (
    <SectionFrame
      form={form}
      title="App clients"
      description={<p>Each app that signs users in is an app client: what it may do is set here, one client at a time. Changes to every client are applied together.</p>}
      applyLabel="Apply app clients"
      reveal={revealItem(`${scope}.clients`, c, setChosen)}
      before={
        <>
          <Picker label="User pool" names={api.world.userPools.map((u) => u.name)} index={p} onChange={setChosenPool} />
          <Picker label="App client to edit" names={clients.map((x) => x.name)} index={c} onChange={setChosen} />
        </>
      }
    >
      {client ? (
        <>
          <fieldset className="config-fieldset">
            <legend>App client {client.name || c + 1}</legend>
            <TextField path={`${at}.name`} label="App client name" />
            <CheckField path={`${at}.generateSecret`} label="Generate a client secret" hint="With a secret, every call must carry SECRET_HASH, and the token endpoint wants the secret: only for apps that can keep one (a server, the ALB)." />
            <ChoiceGroup path={`${at}.explicitAuthFlows`} label="Authentication flows" multiple options={AUTH_FLOWS} />
            <ChoiceGroup
              path={`${at}.preventUserExistenceErrors`}
              label="User existence errors (PreventUserExistenceErrors)"
              options={[
                { value: 'ENABLED', label: 'Prevent them (ENABLED)', hint: 'Unknown users get the same answer as a wrong password.' },
                { value: 'LEGACY', label: 'Tell the caller (LEGACY)', hint: 'Unknown users get UserNotFoundException.' },
              ]}
            />
            <CheckField path={`${at}.enableTokenRevocation`} label="Enable token revocation" />
          </fieldset>
          <fieldset className="config-fieldset">
            <legend>Token lifetimes</legend>
            <Validity at={at} token="IdToken" label="ID token" />
            <Validity at={at} token="AccessToken" label="Access token" />
            <Validity at={at} token="RefreshToken" label="Refresh token" />
            <NumberField path={`${at}.authSessionValidity`} label="Authentication flow session" hint="3 to 15 minutes to answer a challenge." unit="minutes" />
          </fieldset>
          <fieldset className="config-fieldset">
            <legend>OAuth 2.0 and the hosted UI</legend>
            <ChoiceGroup
              path={`${at}.allowedOAuthFlows`}
              label="OAuth grant types"
              multiple
              emptyAs="undefined"
              options={[
                { value: 'code', label: 'Authorization code grant' },
                { value: 'implicit', label: 'Implicit grant' },
                { value: 'client_credentials', label: 'Client credentials' },
              ]}
            />
            <ChoiceGroup path={`${at}.allowedOAuthScopes`} label="OpenID Connect and custom scopes" multiple emptyAs="undefined" options={[...SYSTEM_SCOPES, ...customScopes].map((s) => ({ value: s, label: s }))} />
            <LinesField path={`${at}.callbackUrls`} label="Allowed callback URLs" hint="One a line. HTTPS, except http://localhost." />
            <LinesField path={`${at}.logoutUrls`} label="Allowed sign-out URLs" hint="One a line." />
            <ChoiceGroup path={`${at}.supportedIdentityProviders`} label="Identity providers" multiple emptyAs="undefined" options={idps.map((n) => ({ value: n, label: n === 'COGNITO' ? 'Cognito user pool directory' : n }))} />
          </fieldset>
          <RemoveButton path="clients" index={c} label={`Remove app client ${client.name || c + 1}`} onRemoved={() => setChosen(0)} />
        </>
      ) : (
        <p className="muted">This pool has no app clients.</p>
      )}
      <AddButton<AppClientConfig>
        path="clients"
        label="Add an app client"
        make={(list) => {
          setChosen(list.length);
          return withDefaults({ name: freshName('client', list.map((x) => x.name)), explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], preventUserExistenceErrors: 'ENABLED' });
        }}
        focusPath={(i) => `clients[${i}].name`}
      />
    </SectionFrame>
  );
}
