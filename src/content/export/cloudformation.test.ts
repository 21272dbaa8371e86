// The CloudFormation export, checked against the resource table (cfn-resource-table.ts): every type exists,
// every required property is there, no property is unknown; every Ref, Fn::GetAtt, Fn::Sub variable and
// DependsOn resolves; the dependencies have no cycle; the YAML parses back to the same template.
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, visit } from 'yaml';
import { defaultWorld } from '../../sim/index';
import type { WorldConfig } from '../../sim/world/config';
import { scenarios } from '../scenarios/index';
import { buildCloudFormation, cloudFormationYaml, type CfnTemplate } from './cloudformation';
import { placeholderValue } from './cfn-intrinsics';
import { CFN_TYPES, PSEUDO_PARAMETERS, type NestedSpec } from './cfn-resource-table';

type Json = unknown;

/** Every value found at a nested path: "a.b" walks objects, "a[]" spreads an array, "*" every key of a map. */
function valuesAt(root: Json, path: string): Json[] {
  let current: Json[] = [root];
  for (const part of path.split('.')) {
    const isArray = part.endsWith('[]');
    const name = isArray ? part.slice(0, -2) : part;
    const next: Json[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const children = name === '*' ? Object.values(value as Record<string, Json>) : [(value as Record<string, Json>)[name]];
      for (const child of children) {
        if (child === undefined) continue;
        if (isArray) next.push(...(Array.isArray(child) ? child : [child]));
        else next.push(child);
      }
    }
    current = next;
  }
  return current;
}

const isIntrinsic = (value: Json) => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && /^(Ref|Fn::\w+)$/.test(Object.keys(value)[0]!);

/** Problems with the resources' types and properties, as readable strings (empty: none). */
function tableProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  for (const id of [...Object.keys(template.Parameters ?? {}), ...Object.keys(template.Outputs ?? {})]) {
    if (!/^[A-Za-z0-9]+$/.test(id)) problems.push(`${id}: a parameter or output id must be alphanumeric`);
  }
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (!/^[A-Za-z0-9]+$/.test(id)) problems.push(`${id}: a logical id must be alphanumeric`);
    const spec = CFN_TYPES[resource.Type];
    if (!spec) {
      problems.push(`${id}: unknown type ${resource.Type}`);
      continue;
    }
    const props = resource.Properties ?? {};
    for (const required of spec.required) if (!(required in props)) problems.push(`${id} (${resource.Type}): missing required ${required}`);
    for (const name of Object.keys(props)) if (!spec.properties.includes(name)) problems.push(`${id} (${resource.Type}): unknown property ${name}`);
    for (const [path, nested] of Object.entries(spec.nested ?? {}) as [string, NestedSpec][]) {
      for (const value of valuesAt(props, path)) {
        if (isIntrinsic(value)) continue;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          problems.push(`${id}.${path}: expected an object`);
          continue;
        }
        for (const name of Object.keys(value)) if (!nested.properties.includes(name)) problems.push(`${id}.${path}: unknown property ${name}`);
        for (const name of nested.required ?? []) if (!(name in value)) problems.push(`${id}.${path}: missing required ${name}`);
      }
    }
  }
  return problems;
}

interface Reference {
  from: string;
  target: string;
  attribute?: string;
  via: 'Ref' | 'Fn::GetAtt' | 'Fn::Sub' | 'DependsOn';
}

/** Every reference a template makes, from resources and outputs. */
function referencesOf(template: CfnTemplate): Reference[] {
  const found: Reference[] = [];
  const walk = (from: string, value: Json): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(from, v));
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, Json>;
    if (typeof record.Ref === 'string') found.push({ from, target: record.Ref, via: 'Ref' });
    const getAtt = record['Fn::GetAtt'];
    if (Array.isArray(getAtt)) found.push({ from, target: String(getAtt[0]), attribute: String(getAtt[1]), via: 'Fn::GetAtt' });
    const sub = record['Fn::Sub'];
    if (typeof sub === 'string') {
      for (const match of sub.matchAll(/\$\{([^}]*)\}/g)) {
        const variable = match[1]!;
        if (variable.startsWith('!')) continue; // ${!Literal} is written out as ${Literal}
        const [target, attribute] = variable.startsWith('AWS::') ? [variable] : variable.split('.');
        found.push({ from, target: target!, ...(attribute ? { attribute } : {}), via: 'Fn::Sub' });
      }
    }
    Object.values(record).forEach((v) => walk(from, v));
  };
  for (const [id, resource] of Object.entries(template.Resources)) {
    walk(id, resource.Properties ?? {});
    for (const dep of resource.DependsOn ?? []) found.push({ from: id, target: dep, via: 'DependsOn' });
  }
  for (const [id, output] of Object.entries(template.Outputs ?? {})) walk(`Outputs.${id}`, output.Value);
  return found;
}

function referenceProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  const parameters = new Set(Object.keys(template.Parameters ?? {}));
  for (const r of referencesOf(template)) {
    const resource = template.Resources[r.target];
    if (r.attribute !== undefined) {
      if (!resource) problems.push(`${r.from}: ${r.via} names ${r.target}.${r.attribute}, which is not a resource`);
      else if (!CFN_TYPES[resource.Type]?.attributes.includes(r.attribute)) problems.push(`${r.from}: ${resource.Type} has no attribute ${r.attribute}`);
      continue;
    }
    if (r.via === 'DependsOn') {
      if (!resource) problems.push(`${r.from}: DependsOn names ${r.target}, which is not a resource`);
      continue;
    }
    if (!resource && !parameters.has(r.target) && !PSEUDO_PARAMETERS.includes(r.target)) problems.push(`${r.from}: ${r.via} names ${r.target}, which is neither a resource, a parameter nor a pseudo parameter`);
  }
  return problems;
}

/** A cycle among the resources' dependencies (which CloudFormation refuses), or null. */
function dependencyCycle(template: CfnTemplate): string[] | null {
  const edges = new Map<string, Set<string>>();
  for (const r of referencesOf(template)) {
    if (r.from.startsWith('Outputs.') || !template.Resources[r.target]) continue;
    if (!edges.has(r.from)) edges.set(r.from, new Set());
    edges.get(r.from)!.add(r.target);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visitNode = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visitNode(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of Object.keys(template.Resources)) {
    const cycle = visitNode(node);
    if (cycle) return cycle;
  }
  return null;
}

function expectValid(template: CfnTemplate) {
  expect(tableProblems(template)).toEqual([]);
  expect(referenceProblems(template)).toEqual([]);
  expect(dependencyCycle(template)).toBeNull();
}

const resourcesOfType = (template: CfnTemplate, type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

describe('The CloudFormation export of the default world', () => {
  const { template } = buildCloudFormation(defaultWorld);
  const yamlText = cloudFormationYaml(defaultWorld);

  it('uses only resource types of the table, with their required properties and no unknown one', () => {
    expect(tableProblems(template)).toEqual([]);
    const types = new Set(Object.values(template.Resources).map((r) => r.Type));
    for (const type of [
      'AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolGroup', 'AWS::Cognito::UserPoolDomain',
      'AWS::Cognito::UserPoolIdentityProvider', 'AWS::Cognito::UserPoolResourceServer', 'AWS::Cognito::IdentityPool',
      'AWS::Cognito::IdentityPoolRoleAttachment', 'AWS::IAM::Role', 'AWS::DynamoDB::Table', 'AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Resource',
      'AWS::ApiGateway::Method', 'AWS::ApiGateway::Authorizer', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage', 'AWS::Lambda::Function',
      'AWS::Lambda::Permission', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Route',
    ]) {
      expect(types, type).toContain(type);
    }
  });

  it('resolves every Ref, Fn::GetAtt, Fn::Sub variable and DependsOn to a resource, a parameter or a pseudo parameter', () => {
    expect(referenceProblems(template)).toEqual([]);
    expect(referencesOf(template).length).toBeGreaterThan(80);
  });

  it('has no dependency cycle', () => {
    expect(dependencyCycle(template)).toBeNull();
  });

  it('parses back from YAML to the same template, with no anchors, aliases or errors', () => {
    const doc = parseDocument(yamlText, { version: '1.1' });
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    let aliases = 0;
    visit(doc, { Alias: () => void aliases++ });
    expect(aliases).toBe(0);
    expect(parse(yamlText, { version: '1.1' })).toEqual(JSON.parse(JSON.stringify(template)));
    // A YAML 1.2 reader (most tools) reads the same values too.
    expect(parse(yamlText)).toEqual(JSON.parse(JSON.stringify(template)));
  });

  it('opens with a comment block on what the simulator does differently', () => {
    const header = yamlText.slice(0, yamlText.indexOf('AWSTemplateFormatVersion'));
    expect(header.split('\n').filter((l) => l.trim() !== '').every((l) => l.startsWith('#'))).toBe(true);
    expect(header).toMatch(/Demo users/);
    expect(header).toMatch(/Google, Facebook and SAML sign-in are simulated/);
    expect(header).toMatch(/Catalog table starts empty/);
    expect(header).toMatch(/IAM SAML provider named "CorpAD"/);
    expect(header).toMatch(/Application Load Balancer is not exported/);
    expect(template.Metadata?.['CognitoLab::Differences']).toEqual(expect.arrayContaining([expect.stringMatching(/Demo users/)]));
  });

  it('keeps the pool\u2019s settings: aliases, MFA factors, password policy, self sign-up, recovery, custom attributes for the SAML mapping', () => {
    const [, pool] = resourcesOfType(template, 'AWS::Cognito::UserPool')[0]!;
    expect(pool.Properties).toMatchObject({
      UserPoolName: 'LearnerPool',
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'],
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
    expect(pool.Properties?.Schema).toEqual(
      expect.arrayContaining([
        { Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true },
        { Name: 'department', AttributeDataType: 'String', Mutable: true },
      ]),
    );
    // SMS MFA needs a role Cognito assumes to publish through SNS, with the same external id on both sides.
    const sms = pool.Properties?.SmsConfiguration as { ExternalId: string; SnsCallerArn: { 'Fn::GetAtt': [string, string] } };
    const role = template.Resources[sms.SnsCallerArn['Fn::GetAtt'][0]]!;
    expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain(sms.ExternalId);
  });

  it('makes the clients wait for the identity providers and resource servers they name', () => {
    const web = template.Resources.LearnerPoolWebClient!;
    expect(web.DependsOn).toEqual(expect.arrayContaining(['LearnerPoolGoogleIdentityProvider', 'LearnerPoolCorpADIdentityProvider', 'LearnerPoolNotesApiResourceServer']));
    expect(web.Properties).toMatchObject({ GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'] });
    expect(template.Resources.LearnerPoolAlbClient?.Properties?.CallbackURLs).toEqual([{ 'Fn::Sub': 'https://${LoadBalancerDnsName}/oauth2/idpresponse' }]);
  });

  it('links groups to role ARNs and the identity pool to its roles, with token-based role mapping for the web client', () => {
    const [, admins] = resourcesOfType(template, 'AWS::Cognito::UserPoolGroup').find(([, g]) => g.Properties?.GroupName === 'admins')!;
    expect(admins.Properties?.RoleArn).toEqual({ 'Fn::GetAtt': ['AdminRole', 'Arn'] });
    const [, attachment] = resourcesOfType(template, 'AWS::Cognito::IdentityPoolRoleAttachment')[0]!;
    expect(attachment.Properties?.Roles).toEqual({ authenticated: { 'Fn::GetAtt': ['CognitoLearnerAuthRole', 'Arn'] }, unauthenticated: { 'Fn::GetAtt': ['CognitoLearnerUnauthRole', 'Arn'] } });
    expect(Object.values(attachment.Properties?.RoleMappings as object)).toEqual([
      { IdentityProvider: { 'Fn::Sub': 'cognito-idp.${AWS::Region}.amazonaws.com/${LearnerPool}:${LearnerPoolWebClient}' }, Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' },
    ]);
  });

  it('writes the roles\u2019 policies with ids filled in by Fn::Sub and IAM policy variables left for IAM', () => {
    const auth = template.Resources.CognitoLearnerAuthRole!;
    const text = JSON.stringify(auth.Properties);
    expect(text).toContain('"Fn::Sub":"${LearnerIdentitiesIdentityPool}"');
    expect(text).toContain('"Fn::Sub":"arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${NotesApi}/prod/GET/reports"');
    // Not inside an Fn::Sub, so it stays as IAM reads it.
    expect(text).toContain('"dynamodb:LeadingKeys":["${cognito-identity.amazonaws.com:sub}"]');
    expect(text).not.toContain('{{');
  });

  it('deploys the REST API after all its methods, with the stage\u2019s method throttling', () => {
    const methods = resourcesOfType(template, 'AWS::ApiGateway::Method').map(([id]) => id);
    expect(methods).toHaveLength(defaultWorld.restApis[0]!.routes.length);
    expect(template.Resources.NotesApiDeployment?.DependsOn?.slice().sort()).toEqual(methods.slice().sort());
    const [, stage] = resourcesOfType(template, 'AWS::ApiGateway::Stage')[0]!;
    expect(stage.Properties?.MethodSettings).toEqual([{ ResourcePath: '/~1catalog', HttpMethod: 'GET', ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 }]);
    const partner = template.Resources.NotesApiGETPartnerMethod!;
    expect(partner.Properties).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'NotesApiPartnerTokenAuthorizer' } });
    const notes = template.Resources.NotesApiGETNotesMethod!;
    expect(notes.Properties).toMatchObject({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizationScopes: ['notes-api/notes.read'] });
  });

  it('lets API Gateway invoke every function an API integrates or authorizes with', () => {
    const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').map(([, p]) => p.Properties as { FunctionName: { Ref: string }; Principal: string });
    const invoked = new Set(permissions.filter((p) => p.Principal === 'apigateway.amazonaws.com').map((p) => p.FunctionName.Ref));
    expect([...invoked].sort()).toEqual(['NotesListFunction', 'NotesProfileFunction', 'NotesReportsFunction', 'PartnerAuthorizerFunction', 'PartnerDataFunction']);
  });

  it('is small enough to upload without S3', () => {
    expect(yamlText.length).toBeGreaterThan(20_000);
    // Small enough to upload directly (CreateStack's TemplateBody takes at most 51,200 bytes; larger ones go through S3).
    expect(new TextEncoder().encode(yamlText).length).toBeLessThan(51_200);
  });
});

describe('The CloudFormation export of other worlds', () => {
  it('exports every scenario\u2019s world to a valid template', () => {
    const worlds = scenarios.filter((s) => s.world).map((s) => ({ id: s.id, world: s.world!(structuredClone(defaultWorld)) }));
    expect(worlds.length).toBeGreaterThan(0);
    for (const { id, world } of worlds) {
      const { template } = buildCloudFormation(world);
      expect(tableProblems(template), id).toEqual([]);
      expect(referenceProblems(template), id).toEqual([]);
      expect(dependencyCycle(template), id).toBeNull();
    }
  });

  it('wires Lambda triggers into LambdaConfig, lets Cognito invoke them, and says which functions are starters', () => {
    const world: WorldConfig = {
      ...structuredClone(defaultWorld),
      functions: [...(defaultWorld.functions ?? []), { name: 'claims', handler: 'pre-token-claims', settings: { goldGroup: 'admins', 'claim.plan': 'pro' } }],
    };
    world.userPools[0]!.lambdaTriggers = { preTokenGeneration: 'claims', preSignUp: 'missing-fn' };
    const { template, differences } = buildCloudFormation(world);
    expectValid(template);
    expect(template.Resources.LearnerPool?.Properties?.LambdaConfig).toEqual({ PreTokenGeneration: { 'Fn::GetAtt': ['ClaimsFunction', 'Arn'] } });
    const cognito = resourcesOfType(template, 'AWS::Lambda::Permission').filter(([, p]) => p.Properties?.Principal === 'cognito-idp.amazonaws.com');
    expect(cognito.map(([, p]) => p.Properties?.SourceArn)).toEqual([{ 'Fn::GetAtt': ['LearnerPool', 'Arn'] }]);
    expect(template.Resources.ClaimsFunction?.Properties?.Environment).toEqual({ Variables: { goldGroup: 'admins' } });
    expect(differences.join('\n')).toMatch(/claims are starters that return the event unchanged/);
    expect(differences.join('\n')).toMatch(/claim\.plan are not valid environment variable names/);
    expect(differences.join('\n')).toMatch(/PreSignUp trigger names a function "missing-fn"/);
  });

  it('writes rule-based role mappings with RoleARN, and a role the world lacks by its ARN', () => {
    const world = structuredClone(defaultWorld);
    world.identityPools[0]!.roleMappings = [
      { provider: 'LearnerPool/web', type: 'Rules', ambiguousRoleResolution: 'Deny', rules: [{ claim: 'custom:department', matchType: 'Equals', value: 'engineering', roleName: 'EngineersRole' }] },
      { provider: 'Google', type: 'Token', ambiguousRoleResolution: 'AuthenticatedRole' },
    ];
    const { template } = buildCloudFormation(world);
    expectValid(template);
    const mappings = template.Resources.LearnerIdentitiesRolesRoleAttachment?.Properties?.RoleMappings as Record<string, Record<string, unknown>>;
    expect(mappings.LearnerPoolWebClient).toMatchObject({
      Type: 'Rules',
      AmbiguousRoleResolution: 'Deny',
      RulesConfiguration: { Rules: [{ Claim: 'custom:department', MatchType: 'Equals', Value: 'engineering', RoleARN: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/EngineersRole' } }] },
    });
    expect(mappings.Google).toEqual({ IdentityProvider: 'accounts.google.com', Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' });
  });

  it('exports a bare world (one pool, one client, nothing else) without parameters or dangling references', () => {
    const world: WorldConfig = {
      region: 'eu-west-1',
      accountId: '111122223333',
      roles: [],
      userPools: [{ name: 'Tiny', passwordPolicy: { MinimumLength: 12, RequireSymbols: false }, mfaConfiguration: 'OFF', allowSelfSignUp: false, accountRecovery: 'admin_only', clients: [{ name: 'app', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }] }],
      identityPools: [],
      tables: [],
      restApis: [],
      loadBalancers: [],
    };
    const { template, differences } = buildCloudFormation(world);
    expectValid(template);
    expect(template.Parameters).toBeUndefined();
    expect(Object.values(template.Resources).map((r) => r.Type).sort()).toEqual(['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient']);
    expect(template.Resources.TinyUserPool?.Properties).toMatchObject({
      MfaConfiguration: 'OFF',
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false, RequireNumbers: true } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
    });
    expect(template.Resources.TinyUserPool?.Properties).not.toHaveProperty('EnabledMfas');
    expect(differences.join('\n')).toMatch(/deploy the stack in that region/);
    expect(differences.join('\n')).not.toMatch(/Load Balancer/);
  });

  it('keeps logical ids unique when names collide after clean-up', () => {
    const world = structuredClone(defaultWorld);
    world.tables.push({ name: 'notes', partitionKey: { name: 'id', type: 'S' } });
    const { template } = buildCloudFormation(world);
    expectValid(template);
    expect(template.Resources.NotesTable?.Properties?.TableName).toBe('Notes');
    expect(template.Resources.NotesTable2?.Properties?.TableName).toBe('notes');
  });
});

describe('The checks themselves', () => {
  it('catch an unknown property, a missing required one, a dangling reference and a cycle', () => {
    const broken: CfnTemplate = {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: 'broken',
      Resources: {
        Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'x', PasswordPolicy: {} } },
        Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { ClientName: 'c', CallbackURLs: [{ 'Fn::Sub': 'https://${Nowhere}/' }] } },
        A: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, Description: { 'Fn::GetAtt': ['B', 'Arn'] } } },
        B: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, Description: { 'Fn::GetAtt': ['A', 'Nope'] } } },
        Bad: { Type: 'AWS::Cognito::NoSuchThing' },
      },
    };
    expect(tableProblems(broken)).toEqual([
      'Pool (AWS::Cognito::UserPool): unknown property PasswordPolicy',
      'Client (AWS::Cognito::UserPoolClient): missing required UserPoolId',
      'Bad: unknown type AWS::Cognito::NoSuchThing',
    ]);
    expect(referenceProblems(broken)).toEqual(['Client: Fn::Sub names Nowhere, which is neither a resource, a parameter nor a pseudo parameter', 'B: AWS::IAM::Role has no attribute Nope']);
    expect(dependencyCycle(broken)).toEqual(['A', 'B', 'A']);
  });

  it('escape IAM policy variables in a string that Fn::Sub fills in', () => {
    expect(placeholderValue('arn:aws:s3:::bucket/${aws:username}/{{accountId}}', () => undefined)).toEqual({ 'Fn::Sub': 'arn:aws:s3:::bucket/${!aws:username}/${AWS::AccountId}' });
    expect(placeholderValue('${aws:username}', () => undefined)).toBe('${aws:username}');
    expect(placeholderValue('{{restApi:Nope}}', () => undefined)).toEqual({ 'Fn::Sub': '{{restApi:Nope}}' });
  });
});
