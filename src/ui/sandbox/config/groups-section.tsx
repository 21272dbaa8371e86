// The user pool's groups: each with a description, a precedence (lower wins when a user is in several
// groups: its role becomes cognito:preferred_role) and an IAM role of this world.
import { useId, useState } from 'react';
import type { GroupConfig } from '../../../sim/world/config';
import { useConfigApi } from './config-api';
import { pattern, type Issues } from './checks';
import { NumberField, SelectField, TextField } from './fields';
import { AddButton, freshName, RemoveButton } from './list-controls';
import { Picker, within } from './pick';
import { useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';

type Draft = { groups?: GroupConfig[] };

/** Beyond validateWorld (length, precedence, the role, unique names): the characters CreateGroup takes. */
export function checkGroups(d: Draft, scope: string): Issues {
  const issues: Issues = [];
  (d.groups ?? []).forEach((g, i) => {
    // [V BOTO CreateGroup: GroupName pattern [\p{L}\p{M}\p{S}\p{N}\p{P}]+, length 1–128]
    pattern(issues, `${scope}.groups[${i}].name`, g.name, /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u, 'A group name is up to 128 letters, numbers, symbols and punctuation, without spaces.');
  });
  return issues;
}

export function GroupsSection() {
  const api = useConfigApi();
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const p = within(chosen, api.world.userPools.length);
  const scope = `userPools[${p}]`;
  const form = useSectionForm<Draft>(baseId, {
    scope,
    read: (w) => ({ groups: w.userPools[p]?.groups ?? [] }),
    write: (w, d) => ({ ...w, userPools: w.userPools.map((pool, i) => (i === p ? { ...pool, groups: d.groups ?? [] } : pool)) }),
    check: (d) => checkGroups(d, scope),
  });
  if (api.world.userPools.length === 0) return <p>This world has no user pool.</p>;
  const roles = api.world.roles.map((r) => ({ value: r.name, label: r.name }));
  const groups = form.draft.groups ?? [];
  return (
    <SectionFrame
      form={form}
      title="Groups"
      description={
        <p>
          Group members get <code>cognito:groups</code> in their tokens. When the identity pool maps roles from the token, the member’s role is the role of their group with the
          lowest precedence (<code>cognito:preferred_role</code>).
        </p>
      }
      applyLabel="Apply groups"
      before={<Picker label="User pool" names={api.world.userPools.map((u) => u.name)} index={p} onChange={setChosen} />}
    >
      {groups.length === 0 && <p className="muted">This pool has no groups.</p>}
      {groups.map((g, i) => (
        <fieldset key={i} className="config-fieldset config-item">
          <legend>
            Group {i + 1}
            {g.name ? `: ${g.name}` : ''}
          </legend>
          <TextField path={`groups[${i}].name`} label="Group name" />
          <TextField path={`groups[${i}].description`} label="Description" optional spellCheck />
          <NumberField path={`groups[${i}].precedence`} label="Precedence" hint="Optional; 0 or more, lower wins." optional />
          <SelectField path={`groups[${i}].roleName`} label="IAM role" options={roles} emptyLabel="No role" />
          <RemoveButton path="groups" index={i} label={`Remove group ${g.name || i + 1}`} />
        </fieldset>
      ))}
      <AddButton<GroupConfig> path="groups" label="Add a group" make={(list) => ({ name: freshName('group', list.map((g) => g.name)) })} focusPath={(i) => `groups[${i}].name`} />
    </SectionFrame>
  );
}
