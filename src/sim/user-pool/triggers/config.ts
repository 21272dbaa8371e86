// A pool's LambdaConfig from the world: each trigger names one of the world's functions, checked when the world is
// built (as CreateUserPool refuses a trigger whose function does not exist).
import type { LambdaTriggersConfig, UserPoolConfig } from '../../world/config';
import { TRIGGERS, type TriggerName } from './invoke';

export function lambdaTriggersOf(config: UserPoolConfig, functionNames: ReadonlySet<string>): { lambdaTriggers?: LambdaTriggersConfig } {
  const entries = Object.entries(config.lambdaTriggers ?? {}).filter(([, fn]) => fn !== undefined);
  if (entries.length === 0) return {};
  for (const [trigger, fn] of entries) {
    if (!Object.hasOwn(TRIGGERS, trigger)) throw new Error(`world: user pool ${config.name} has an unknown Lambda trigger ${trigger}`);
    if (typeof fn !== 'string' || !functionNames.has(fn)) throw new Error(`world: user pool ${config.name}: the ${trigger} trigger names an unknown function ${String(fn)}`);
  }
  return { lambdaTriggers: Object.fromEntries(entries) as Partial<Record<TriggerName, string>> };
}
