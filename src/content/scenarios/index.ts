// Every scenario, in the order the library shows them.
import type { Scenario } from './types';
import { signUpAndSignIn } from './sign-up-and-sign-in';
import { forgotPassword } from './forgot-password';
import { lockout } from './lockout';
import { tokenLifecycle } from './token-lifecycle';
import { adminCreatedUser } from './admin-created-user';
import { groupsAndRoles } from './groups-and-roles';

export const scenarios: readonly Scenario[] = [signUpAndSignIn, forgotPassword, lockout, tokenLifecycle, adminCreatedUser, groupsAndRoles];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
