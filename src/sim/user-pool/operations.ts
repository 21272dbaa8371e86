// The registry of cognito-idp operations: public ones (no SigV4) and administrator ones (SigV4).
import type { Operation } from './env';
import { adminOperations } from './ops/admin';
import { publicOperations } from './ops/public';

export const userPoolOperations: ReadonlyMap<string, Operation<never>> = new Map(
  [...publicOperations, ...adminOperations].map((op) => [op.name, op]),
);
