// The whole question bank, one file per topic (a question may carry further topics than its file's).
import type { Question } from './types';
import { poolsQuestions } from './questions/user-vs-identity-pools';
import { cognitoVsIamQuestions } from './questions/cognito-vs-iam';
import { federationQuestions } from './questions/federation';
import { signUpMfaQuestions } from './questions/sign-up-and-mfa';
import { tokenQuestions } from './questions/tokens';
import { authorizerQuestions } from './questions/api-gateway-authorizers';
import { albQuestions } from './questions/alb-authentication';
import { roleQuestions } from './questions/identity-pool-roles';
import { stsQuestions } from './questions/sts-credentials';
import { policyQuestions } from './questions/iam-policy-evaluation';
import { dynamoQuestions } from './questions/dynamodb-fgac';
import { architectureQuestions } from './questions/architecture';

export const questions: readonly Question[] = [
  ...poolsQuestions,
  ...cognitoVsIamQuestions,
  ...federationQuestions,
  ...signUpMfaQuestions,
  ...tokenQuestions,
  ...authorizerQuestions,
  ...albQuestions,
  ...roleQuestions,
  ...stsQuestions,
  ...policyQuestions,
  ...dynamoQuestions,
  ...architectureQuestions,
];

export function findQuestion(id: string): Question | undefined {
  return questions.find((q) => q.id === id);
}

export * from './types';
