// The user pool's own settings, as the console groups them: how users sign in (a user name with aliases,
// or an e-mail address or phone number as the user name), the attributes sign-up requires, the password
// policy, MFA, self sign-up and account recovery, and the hosted UI's domain prefix. PreventUserExistenceErrors
// and token lifetimes belong to each app client on AWS, so they are in the App clients form.
import { useId, useState } from 'react';
import type { UserPoolConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import type { Issues } from './checks';
import { CheckField, ChoiceGroup, NumberField, SelectField, TextField, useField, FieldError } from './fields';
import { joinPath } from './paths';
import { merge, pick, Picker, within, withoutShownDefaults } from './pick';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';

const KEYS = ['usernameAttributes', 'aliasAttributes', 'autoVerifiedAttributes', 'requiredAttributes', 'passwordPolicy', 'mfaConfiguration', 'mfaFactors', 'allowSelfSignUp', 'accountRecovery', 'domainPrefix'] as const;
type Settings = Pick<UserPoolConfig, (typeof KEYS)[number]>;

/** AWS's defaults, shown as the values they are when the world leaves them out. [V COGDOC user-pool-settings-policies.md] */
const DEFAULT_PASSWORD_POLICY = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 };

/** What AWS does when a pool leaves these out (shown in the form as the values they are). */
const SHOWN_DEFAULTS: Partial<Settings> = { passwordPolicy: DEFAULT_PASSWORD_POLICY, mfaConfiguration: 'OFF', allowSelfSignUp: true, accountRecovery: 'verified_email' };

export const STANDARD_ATTRIBUTES = ['address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo'];

/** What validateWorld does not already check (it checks the password policy, MFA and the domain prefix). */
export function checkPoolSettings(d: Settings, scope: string): Issues {
  const issues: Issues = [];
  if (d.usernameAttributes !== undefined && d.usernameAttributes.length === 0) issues.push({ path: joinPath(scope, 'usernameAttributes'), message: 'Choose at least one: an e-mail address, a phone number, or both.' });
  return issues;
}

/** A user name (with optional aliases) or an e-mail address / phone number as the user name: AWS allows one or the other. */
function SignInFields() {
  const f = useField('usernameAttributes');
  const byAttribute = f.value !== undefined;
  const id = useId();
  const choose = (attributes: boolean) =>
    f.form.update((d) => {
      const next = { ...(d as Settings) };
      if (attributes) {
        next.usernameAttributes = (next.usernameAttributes?.length ? next.usernameAttributes : ['email']) as Settings['usernameAttributes'];
        delete next.aliasAttributes;
      } else {
        delete next.usernameAttributes;
      }
      return next;
    });
  return (
    <fieldset className="config-fieldset">
      <legend>Sign-in identifiers</legend>
      <fieldset className="config-choices">
        <legend>Users sign in with</legend>
        <ul className="config-choices__list">
          <li>
            <input id={`${id}-username`} type="radio" name={`${id}-mode`} checked={!byAttribute} onChange={() => choose(false)} />
            <label htmlFor={`${id}-username`}>A user name they choose (aliases may be allowed too)</label>
          </li>
          <li>
            <input id={`${id}-attributes`} type="radio" name={`${id}-mode`} checked={byAttribute} onChange={() => choose(true)} />
            <label htmlFor={`${id}-attributes`}>An e-mail address or phone number as the user name</label>
          </li>
        </ul>
      </fieldset>
      {byAttribute ? (
        <ChoiceGroup
          path="usernameAttributes"
          label="User name attributes"
          hint="UsernameAttributes: Cognito generates the user name (a UUID) and users sign in with these."
          multiple
          options={[
            { value: 'email', label: 'E-mail address' },
            { value: 'phone_number', label: 'Phone number' },
          ]}
        />
      ) : (
        <ChoiceGroup
          path="aliasAttributes"
          label="Aliases users may also sign in with"
          hint="AliasAttributes: an alias works for sign-in only once it is verified."
          multiple
          emptyAs="undefined"
          options={[
            { value: 'email', label: 'E-mail address' },
            { value: 'phone_number', label: 'Phone number' },
            { value: 'preferred_username', label: 'Preferred user name' },
          ]}
        />
      )}
      {!byAttribute && <FieldError id={f.errorId} problems={f.problems} />}
    </fieldset>
  );
}

export function UserPoolSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const p = within(chosen, api.world.userPools.length);
  const scope = `userPools[${p}]`;
  const form = useSectionForm<Settings>(baseId, {
    scope,
    read: (w) => {
      const settings = pick(w.userPools[p], KEYS);
      return { ...SHOWN_DEFAULTS, ...settings, passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...settings.passwordPolicy } };
    },
    write: (w, d) => ({ ...w, userPools: w.userPools.map((pool, i) => (i === p ? merge(pool, KEYS, withoutShownDefaults(d, pick(pool, KEYS), SHOWN_DEFAULTS)) : pool)) }),
    check: (d) => checkPoolSettings(d, scope),
  });
  if (api.world.userPools.length === 0) return <p>This world has no user pool.</p>;
  const attributeOptions = STANDARD_ATTRIBUTES.map((a) => ({ value: a, label: a }));
  return (
    <SectionFrame
      form={form}
      title={`User pool ${api.world.userPools[p]!.name}`}
      description={<p>Sign-in, sign-up and security settings of the pool. PreventUserExistenceErrors and token lifetimes are set per app client, as on AWS.</p>}
      applyLabel="Apply user pool settings"
      before={<Picker label="User pool to edit" names={api.world.userPools.map((u) => u.name)} index={p} onChange={setChosen} />}
    >
      <SignInFields />
      <fieldset className="config-fieldset">
        <legend>Sign-up</legend>
        <CheckField path="allowSelfSignUp" label="Let users sign themselves up (self-registration)" hint="Off: only administrators create users (AllowAdminCreateUserOnly)." defaultValue />
        <ChoiceGroup path="requiredAttributes" label="Required attributes" hint="Every sign-up must give these." multiple emptyAs="undefined" options={attributeOptions} />
        <ChoiceGroup
          path="autoVerifiedAttributes"
          label="Verify automatically by sending a code to"
          multiple
          emptyAs="undefined"
          options={[
            { value: 'email', label: 'E-mail address' },
            { value: 'phone_number', label: 'Phone number (SMS)' },
          ]}
        />
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Password policy</legend>
        <NumberField path="passwordPolicy.MinimumLength" label="Minimum length" hint="6 to 99 characters." unit="characters" />
        <CheckField path="passwordPolicy.RequireUppercase" label="Require an upper-case letter" />
        <CheckField path="passwordPolicy.RequireLowercase" label="Require a lower-case letter" />
        <CheckField path="passwordPolicy.RequireNumbers" label="Require a number" />
        <CheckField path="passwordPolicy.RequireSymbols" label="Require a symbol" />
        <NumberField path="passwordPolicy.TemporaryPasswordValidityDays" label="Temporary passwords set by an administrator expire after" hint="0 to 365 days." unit="days" />
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Multi-factor authentication</legend>
        <ChoiceGroup
          path="mfaConfiguration"
          label="MFA enforcement"
          options={[
            { value: 'OFF', label: 'No MFA' },
            { value: 'OPTIONAL', label: 'Optional MFA', hint: 'Asked only of users who turned a factor on.' },
            { value: 'ON', label: 'Require MFA', hint: 'Users without a factor must set one up at sign-in (MFA_SETUP).' },
          ]}
        />
        <ChoiceGroup
          path="mfaFactors"
          label="MFA methods"
          multiple
          emptyAs="undefined"
          options={[
            { value: 'TOTP', label: 'Authenticator apps (TOTP)' },
            { value: 'SMS', label: 'SMS message' },
          ]}
        />
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Recovery and domain</legend>
        <SelectField
          path="accountRecovery"
          label="Account recovery"
          options={[
            { value: 'verified_email', label: 'Verified e-mail address' },
            { value: 'verified_phone_number', label: 'Verified phone number' },
            { value: 'admin_only', label: 'Administrators only' },
          ]}
        />
        <TextField path="domainPrefix" label="Hosted UI domain prefix" hint="The hosted UI is at https://{prefix}.auth.{region}.amazoncognito.com." optional />
      </fieldset>
    </SectionFrame>
  );
}
