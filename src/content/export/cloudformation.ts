// Exports a world to an AWS CloudFormation template (YAML), so what a learner built in the simulator can be
// deployed to a real account: user pools with their clients, groups, domain, identity providers and resource
// servers; identity pools with their roles and role mappings; IAM roles; DynamoDB tables; API Gateway REST and
// HTTP APIs with their authorizers; Lambda functions. The header lists what the simulator does differently.
// Intrinsic functions are written in their long form ({"Ref": …}, {"Fn::GetAtt": […]}, {"Fn::Sub": …}) throughout.
import { Document } from 'yaml';
import type { WorldConfig } from '../../sim/world/config';
import { createContext, note } from './cfn-context';
import { functionResources, httpApiResources, restApiResources, tableResource, triggerPermissions } from './cfn-api';
import { identityPoolResources, roleResources, userPoolResources } from './cfn-cognito';
import type { CfnTemplate } from './cfn-intrinsics';

export type { CfnTemplate } from './cfn-intrinsics';

/** What holds for every world: the simulator's shortcuts that a real deployment does not take. */
export const GENERAL_DIFFERENCES: readonly string[] = [
  'Deploy with the capabilities CAPABILITY_IAM and CAPABILITY_NAMED_IAM: the roles keep the names the policies and groups use.',
  'Demo users (and their published passwords) are not created: sign up, or create users with AdminCreateUser.',
  'Ids differ: AWS generates the user pool, app client, identity pool and API ids (see the Outputs); the simulator derives them from its seed.',
  'Google, Facebook and SAML sign-in are simulated in Cognito Lab: on AWS each needs a real app at the provider, its client id and secret (the Parameters), and the hosted UI domain registered there as a redirect URI.',
  'E-mail goes through Cognito\u2019s default sender, with its small daily quota; the simulator delivers every message to its inbox at once.',
  'Time is real: tokens, codes and sessions expire on the wall clock, and throttling counts real seconds, where the simulator moves a virtual clock.',
  'The Application Load Balancer is not exported: it needs a VPC, subnets, an ACM certificate and targets of your own.',
  'Callback and sign-out URLs name example hosts: replace them with your app\u2019s.',
  'Everything here is created in your account and may cost money: delete the stack when you are done.',
];

/** The template as data (what the tests inspect); `cloudFormationYaml` writes it out. */
export function buildCloudFormation(world: WorldConfig): { template: CfnTemplate; differences: string[] } {
  const ctx = createContext(world);
  roleResources(ctx);
  for (const table of world.tables) tableResource(ctx, table);
  functionResources(ctx);
  for (const pool of world.userPools) {
    userPoolResources(ctx, pool);
    triggerPermissions(ctx, pool);
  }
  for (const pool of world.identityPools) identityPoolResources(ctx, pool);
  for (const api of world.restApis) restApiResources(ctx, api);
  for (const api of world.httpApis ?? []) httpApiResources(ctx, api);
  if (world.region !== 'us-east-1') note(ctx, `The world is in ${world.region}: deploy the stack in that region.`);

  const differences = [...GENERAL_DIFFERENCES.filter((d) => world.loadBalancers.length > 0 || !d.startsWith('The Application Load Balancer')), ...ctx.notes];
  const template: CfnTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Cognito Lab world exported to CloudFormation: ${world.userPools.map((p) => p.name).join(', ') || 'no user pool'}${world.identityPools.length ? `, ${world.identityPools.map((p) => p.name).join(', ')}` : ''}`,
    Metadata: { 'CognitoLab::Differences': differences },
    ...(Object.keys(ctx.parameters).length > 0 ? { Parameters: ctx.parameters } : {}),
    Resources: ctx.resources,
    ...(Object.keys(ctx.outputs).length > 0 ? { Outputs: ctx.outputs } : {}),
  };
  return { template, differences };
}

/** Wraps each difference as a "#  - …" comment line of at most ~100 characters. */
function commentBlock(differences: readonly string[]): string {
  const lines = [' Exported from Cognito Lab, a simulator. What it does differently from AWS:'];
  for (const text of differences) {
    const words = text.split(' ');
    let line = '  -';
    for (const word of words) {
      if (line.length + word.length > 100) {
        lines.push(line);
        line = '   ';
      }
      line += ` ${word}`;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/**
 * The template as YAML. YAML 1.1 quoting (what CloudFormation reads: "2012-10-17", "yes", "on" stay strings), no
 * anchors or aliases (CloudFormation refuses them), no folded lines (inline code and mapping templates stay intact).
 */
export function cloudFormationYaml(world: WorldConfig): string {
  const { template, differences } = buildCloudFormation(world);
  const doc = new Document(template, { version: '1.1', aliasDuplicateObjects: false });
  doc.commentBefore = commentBlock(differences);
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
