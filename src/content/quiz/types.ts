// The quiz bank's schema: original questions in the style of the AWS Certified Solutions Architect – Associate
// (SAA-C03) exam, each tied where possible to the simulator step that shows its answer. Content is data: one test
// (bank.test.ts) validates every question against this schema and its rules.

/** The topics of the bank; each has at least ten questions. */
export const TOPICS = [
  'user-vs-identity-pools',
  'cognito-vs-iam',
  'federation',
  'sign-up-and-mfa',
  'tokens',
  'api-gateway-authorizers',
  'alb-authentication',
  'identity-pool-roles',
  'sts-credentials',
  'iam-policy-evaluation',
  'dynamodb-fgac',
  'architecture',
] as const;
export type Topic = (typeof TOPICS)[number];

/** How each topic is named to the learner. */
export const TOPIC_LABELS: { readonly [T in Topic]: string } = {
  'user-vs-identity-pools': 'User pools vs identity pools',
  'cognito-vs-iam': 'Cognito vs IAM and IAM Identity Center',
  federation: 'Federation (Google, Facebook, SAML, OIDC)',
  'sign-up-and-mfa': 'Sign-up, verification, password reset and MFA',
  tokens: 'ID, access and refresh tokens',
  'api-gateway-authorizers': 'API Gateway authorizers',
  'alb-authentication': 'ALB authentication',
  'identity-pool-roles': 'Identity pool roles and role mapping',
  'sts-credentials': 'Temporary credentials and STS',
  'iam-policy-evaluation': 'IAM policy evaluation and policy variables',
  'dynamodb-fgac': 'DynamoDB fine-grained access',
  architecture: 'Choosing the right architecture',
};

export type Difficulty = 'easy' | 'medium' | 'hard';

export interface QuizOption {
  /** Stable within the question: 'a', 'b', 'c'… (options may be shuffled on screen; ids never change). */
  id: string;
  text: string;
  correct: boolean;
  /** Why this option is right, or why it is wrong: every option is explained. */
  explanation: string;
}

/** A step of a guided scenario that demonstrates the answer: opens #/learn/{scenario}/{step}. */
export interface SimulatorLink {
  scenario: string;
  /** 1-based, as in the player's address. */
  step: number;
  /** What to look at there, e.g. "the ID token's cognito:groups claim in the Tokens tab". */
  look: string;
}

export interface Question {
  /** Stable forever (progress is stored by it): '<topic-prefix>-<number>', e.g. 'pools-001'. */
  id: string;
  topics: Topic[];
  difficulty: Difficulty;
  /** A short scenario in the exam's style, ending with the question. Multiple-response questions end with "(Choose two.)" or "(Choose three.)". */
  stem: string;
  /** 'single': exactly one correct option; 'multiple': as many correct options as the stem's "Choose N". */
  kind: 'single' | 'multiple';
  options: QuizOption[];
  /** The simulator step that shows the answer; at least 60% of the bank has one. */
  see?: SimulatorLink;
}
