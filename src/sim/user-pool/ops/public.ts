// The public (unsigned) operations of cognito-idp, by name.
import type { Operation } from '../env';
import { confirmSignUp } from './confirm-sign-up';
import { getUser } from './get-user';
import { initiateAuth } from './initiate-auth';
import { respondToAuthChallenge } from './respond-to-auth-challenge';
import { signUp } from './sign-up';

export const publicOperations: Operation<never>[] = [
  signUp,
  confirmSignUp,
  initiateAuth,
  respondToAuthChallenge,
  getUser,
] as Operation<never>[];
