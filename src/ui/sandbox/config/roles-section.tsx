// IAM roles, one at a time: who may assume it (the trust policy), what it may do (its permission
// policies, each a JSON document checked as you type), and how long its sessions last. Below, a check
// of what the applied roles allow.
import { useId, useState } from 'react';
import type { NamedPolicy } from '../../../sim/iam/types';
import type { RoleConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import { AWS_NAME, pattern, type Issues } from './checks';
import { NumberField, TextField } from './fields';
import { AddButton, freshName, RemoveButton } from './list-controls';
import { Picker, revealItem, within } from './pick';
import { PolicyEditor } from './policy-editor';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';
import { WouldAllow } from './would-allow';

type Draft = { roles: RoleConfig[] };

/** Beyond validateWorld (role names, session duration, statements, unique names): the characters of a policy name. */
export function checkRoles(roles: readonly RoleConfig[]): Issues {
  const issues: Issues = [];
  roles.forEach((r, i) => {
    // [V BOTO PutRolePolicy: PolicyName pattern [\w+=,.@-]+, length 1–128]
    r.policies.forEach((p, j) => pattern(issues, `roles[${i}].policies[${j}].name`, p.name, AWS_NAME, 'A policy name is up to 128 letters, numbers and + = , . @ _ -.'));
  });
  return issues;
}

const newPolicy = (name: string): NamedPolicy => ({
  name,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Catalog' }] },
});

export function RolesSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const form = useSectionForm<Draft>(baseId, {
    scope: '',
    read: (w) => ({ roles: w.roles }),
    write: (w, d) => ({ ...w, roles: d.roles }),
    check: (d) => checkRoles(d.roles),
  });
  const roles = form.draft.roles;
  const r = within(chosen, roles.length);
  const role = roles[r];
  const at = `roles[${r}]`;
  return (
    <SectionFrame
      form={form}
      title="Roles and policies"
      description={
        <p>
          Policies may name ids the simulator makes up with <code>{'{{accountId}}'}</code>, <code>{'{{region}}'}</code>, <code>{'{{identityPool:Name}}'}</code>,{' '}
          <code>{'{{userPool:Name}}'}</code> and <code>{'{{restApi:Name}}'}</code>.
        </p>
      }
      applyLabel="Apply roles and policies"
      reveal={revealItem('roles', r, setChosen)}
      before={<Picker label="Role to edit" names={roles.map((x) => x.name)} index={r} onChange={setChosen} />}
      after={<WouldAllow defaultRole={api.world.roles[r]?.name} />}
    >
      {role ? (
        <>
          <fieldset className="config-fieldset">
            <legend>Role {role.name || r + 1}</legend>
            <TextField path={`${at}.name`} label="Role name" />
            <TextField path={`${at}.description`} label="Description" optional spellCheck />
            <NumberField path={`${at}.maxSessionDuration`} label="Maximum session duration" hint="3600 to 43200 seconds; empty for the default, one hour." unit="seconds" optional />
            <PolicyEditor key={`${r}-trust`} path={`${at}.trustPolicy`} label="Trust policy (who may assume the role)" kind="trust" />
          </fieldset>
          {role.policies.map((p, j) => (
            <fieldset key={`${r}-${j}`} className="config-fieldset config-item">
              <legend>
                Permission policy {j + 1}
                {p.name ? `: ${p.name}` : ''}
              </legend>
              <TextField path={`${at}.policies[${j}].name`} label="Policy name" />
              <PolicyEditor path={`${at}.policies[${j}].document`} label={`Policy document of ${p.name || `policy ${j + 1}`}`} kind="identity" />
              <RemoveButton path={`${at}.policies`} index={j} label={`Remove policy ${p.name || j + 1}`} />
            </fieldset>
          ))}
          <AddButton<NamedPolicy> path={`${at}.policies`} label="Add a permission policy" make={(list) => newPolicy(freshName('Policy', list.map((x) => x.name)))} focusPath={(j) => `${at}.policies[${j}].name`} />
          <RemoveButton path="roles" index={r} label={`Remove role ${role.name || r + 1}`} onRemoved={() => setChosen(0)} />
        </>
      ) : (
        <p className="muted">This world has no roles.</p>
      )}
      <AddButton<RoleConfig>
        path="roles"
        label="Add a role"
        make={(list) => {
          setChosen(list.length);
          return {
            name: freshName('Role', list.map((x) => x.name)),
            trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }] },
            policies: [],
          };
        }}
        focusPath={(i) => `roles[${i}].name`}
      />
    </SectionFrame>
  );
}
