// CloudFormation's building blocks for the export: the template's shape, the intrinsic functions in their long
// form ({"Ref": …}, {"Fn::GetAtt": […]}, {"Fn::Sub": …}, valid in YAML and JSON alike), logical ids made from
// the world's names, and the world's {{placeholders}} turned into Fn::Sub variables.
// Template anatomy: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
// Intrinsic functions: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

export type CfnValue = string | number | boolean | CfnValue[] | { [key: string]: CfnValue };

export interface CfnResource {
  Type: string;
  Properties?: Record<string, CfnValue>;
  DependsOn?: string[];
  Condition?: string;
}

export interface CfnParameter {
  Type: 'String';
  Description: string;
  Default?: string;
  NoEcho?: boolean;
  AllowedPattern?: string;
  MinLength?: number;
}

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Metadata?: Record<string, CfnValue>;
  Parameters?: Record<string, CfnParameter>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Description: string; Value: CfnValue }>;
}

export const ref = (logicalId: string): CfnValue => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const sub = (template: string): CfnValue => ({ 'Fn::Sub': template });

/** A logical id: alphanumeric only (CloudFormation's rule), in PascalCase, e.g. "notes-profile" + "Function" → "NotesProfileFunction". */
export function pascal(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(joined) ? joined : `X${joined}`;
}

/** Hands out unique logical ids: a second "Notes" table and a "notes" role do not collide. */
export class LogicalIds {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /**
   * The id for `key` (e.g. "role:AdminRole"), made from `name` + `suffix` the first time it is asked for; the suffix
   * is left out when the name already ends with its last word ("AdminRole" + "Role" → "AdminRole").
   */
  id(key: string, name: string, suffix: string): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const stem = pascal(name);
    const lastWord = /[A-Z][a-z0-9]*$/.exec(suffix)?.[0] ?? suffix;
    const base = (stem.endsWith(lastWord) ? stem : `${stem}${suffix}`).slice(0, 240);
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}${n}`;
    this.used.add(candidate);
    this.byKey.set(key, candidate);
    return candidate;
  }

  /** The id already given to `key`, if any. */
  find(key: string): string | undefined {
    return this.byKey.get(key);
  }
}

/**
 * Turns a world string into a template value: {{accountId}} → ${AWS::AccountId}, {{region}} → ${AWS::Region},
 * {{identityPool:X}} / {{userPool:X}} / {{restApi:X}} → the resource's Ref, inside an Fn::Sub. A string with no
 * placeholder stays a plain string. In an Fn::Sub, a literal "${" (an IAM policy variable such as
 * ${cognito-identity.amazonaws.com:sub}) must be written "${!": Fn::Sub leaves it as "${" [V: Fn::Sub reference].
 * `resolve` names the logical id for a placeholder, or undefined when the world does not have it.
 */
export function placeholderValue(text: string, resolve: (kind: string, name: string) => string | undefined): CfnValue {
  if (!/\{\{[\w:-]+\}\}/.test(text)) return text;
  const escaped = text.replace(/\$\{/g, '${!');
  const body = escaped.replace(/\{\{([\w-]+)(?::([\w-]+))?\}\}/g, (match, kind: string, name: string | undefined) => {
    if (kind === 'accountId' && name === undefined) return '${AWS::AccountId}';
    if (kind === 'region' && name === undefined) return '${AWS::Region}';
    const id = name === undefined ? undefined : resolve(kind, name);
    return id === undefined ? match : `\${${id}}`;
  });
  return sub(body);
}

/** Applies placeholderValue to every string of a JSON value (policy documents). */
export function withPlaceholders(value: unknown, resolve: (kind: string, name: string) => string | undefined): CfnValue {
  if (typeof value === 'string') return placeholderValue(value, resolve);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => withPlaceholders(v, resolve));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withPlaceholders(v, resolve)]));
  }
  return '';
}

/** Drops undefined entries, so optional world fields leave no empty properties behind. */
export function defined(entries: Record<string, CfnValue | undefined>): Record<string, CfnValue> {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, CfnValue] => entry[1] !== undefined));
}
