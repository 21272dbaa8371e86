// The cast of the diagram: how each actor is named, which AWS service it stands for, its colour and
// icon, and the column it stands in (client side on the left, then the services in the order a request
// usually travels through them, so arrows rarely cross).
import type { ActorId } from '../../sim/index';

export type IconKey =
  | 'browser'
  | 'app'
  | 'admin'
  | 'user-pool'
  | 'hosted-ui'
  | 'identity-pool'
  | 'sts'
  | 'iam'
  | 'api-gateway'
  | 'lambda'
  | 'alb'
  | 'server'
  | 'dynamodb'
  | 'idp'
  | 'email'
  | 'sms'
  | 'generic';

export interface ActorInfo {
  label: string;
  service: string;
  /** A CSS colour, as a custom property defined in flow.css for both themes. */
  colour: string;
  icon: IconKey;
  /** Column rank, left to right; actors sharing a rank are stacked in one column. */
  rank: number;
  /** Order within a shared column, top to bottom. */
  order: number;
}

const colour = (name: string) => `var(--flow-svc-${name})`;

/** Every known actor. A Record, so a new ActorId fails to compile until it is placed here. */
export const ACTORS: Readonly<Record<ActorId, ActorInfo>> = {
  browser: { label: 'Browser', service: 'Client', colour: colour('client'), icon: 'browser', rank: 0, order: 0 },
  app: { label: 'Your app', service: 'Client', colour: colour('client'), icon: 'app', rank: 0, order: 1 },
  admin: { label: 'Administrator', service: 'AWS account', colour: colour('client'), icon: 'admin', rank: 0, order: 2 },
  'hosted-ui': { label: 'Hosted UI', service: 'Amazon Cognito', colour: colour('cognito'), icon: 'hosted-ui', rank: 1, order: 0 },
  google: { label: 'Google', service: 'Identity provider', colour: colour('idp'), icon: 'idp', rank: 2, order: 0 },
  facebook: { label: 'Facebook', service: 'Identity provider', colour: colour('idp'), icon: 'idp', rank: 2, order: 1 },
  'saml-idp': { label: 'SAML IdP', service: 'Identity provider', colour: colour('idp'), icon: 'idp', rank: 2, order: 2 },
  'cognito-idp': { label: 'User pool', service: 'Amazon Cognito', colour: colour('cognito'), icon: 'user-pool', rank: 3, order: 0 },
  'cognito-identity': { label: 'Identity pool', service: 'Amazon Cognito', colour: colour('cognito'), icon: 'identity-pool', rank: 4, order: 0 },
  sts: { label: 'STS', service: 'AWS STS', colour: colour('iam'), icon: 'sts', rank: 5, order: 0 },
  iam: { label: 'IAM', service: 'AWS IAM', colour: colour('iam'), icon: 'iam', rank: 6, order: 0 },
  'api-gateway': { label: 'API Gateway', service: 'Amazon API Gateway', colour: colour('apigw'), icon: 'api-gateway', rank: 7, order: 0 },
  lambda: { label: 'Lambda', service: 'AWS Lambda', colour: colour('lambda'), icon: 'lambda', rank: 8, order: 0 },
  alb: { label: 'Load balancer', service: 'Elastic Load Balancing', colour: colour('alb'), icon: 'alb', rank: 9, order: 0 },
  target: { label: 'Target app', service: 'EC2 / container', colour: colour('target'), icon: 'server', rank: 10, order: 0 },
  dynamodb: { label: 'DynamoDB', service: 'Amazon DynamoDB', colour: colour('dynamodb'), icon: 'dynamodb', rank: 11, order: 0 },
  email: { label: 'E-mail inbox', service: 'Amazon SES', colour: colour('messaging'), icon: 'email', rank: 12, order: 0 },
  sms: { label: 'Phone (SMS)', service: 'Amazon SNS', colour: colour('messaging'), icon: 'sms', rank: 12, order: 1 },
};

/** Actors on the learner's side: at least one of them is always drawn. */
export const CLIENT_ACTORS: readonly ActorId[] = ['browser', 'app', 'admin'];

/** Rank of the column for actors this catalogue does not know (a service added later). */
const UNKNOWN_RANK = 13;

const isKnown = (id: string): id is ActorId => Object.prototype.hasOwnProperty.call(ACTORS, id);

/** What to draw for an actor; an id the catalogue does not know still gets a readable, neutral box. */
export function actorInfo(id: string): ActorInfo {
  if (isKnown(id)) return ACTORS[id];
  const label = id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  return { label: label || id, service: 'Other', colour: colour('other'), icon: 'generic', rank: UNKNOWN_RANK, order: 0 };
}
