// The map constraints of LoginsMap that the generic validator does not express.
import { AwsError } from '../../core/errors';

export function checkLogins(logins: Record<string, string> | undefined): void {
  if (!logins) return;
  const entries = Object.entries(logins);
  const problems: string[] = [];
  if (entries.length > 10) problems.push("Value at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10");
  for (const [key, token] of entries) {
    if (key.length < 1 || key.length > 128) problems.push("Value at 'logins' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]");
    if (token.length < 1 || token.length > 50000) problems.push("Value at 'logins' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 50000, Member must have length greater than or equal to 1]");
  }
  const unique = [...new Set(problems)];
  if (unique.length > 0) {
    throw new AwsError('InvalidParameterException', `${unique.length} validation error${unique.length === 1 ? '' : 's'} detected: ${unique.join('; ')}`);
  }
}
