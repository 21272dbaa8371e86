// The administrator (SigV4-signed) operations of cognito-idp, by name.
import type { Operation } from '../env';

export const adminOperations: Operation<never>[] = [] as Operation<never>[];
