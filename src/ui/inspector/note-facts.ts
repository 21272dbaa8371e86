// Turns a service's structured note into what the Decision tab shows: a badge, a tone, and the data
// behind the summary as term/value pairs. Exhaustive over note kinds, so a new kind fails to compile here.
import type { Note } from '../../sim/index';
import { describeExpiry, formatDuration, isoTime } from './relative-time';
import { statusLine } from './reason-phrases';
import { exhaustiveSwitchError } from '../../lib/assert';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

export interface Fact {
  term: string;
  value: string;
  /** Multi-line text such as a canonical request, shown preformatted. */
  pre?: boolean;
}

export interface NoteView {
  badge: string;
  icon: string;
  tone: Tone;
  facts: Fact[];
  claims?: Record<string, unknown>;
}

const TOKEN_NAMES = { id: 'ID token', access: 'Access token', refresh: 'Refresh token' } as const;
const PURPOSES = {
  'sign-up': 'confirm sign-up',
  'forgot-password': 'reset a forgotten password',
  'attribute-verification': 'verify an attribute',
  'temporary-password': 'temporary password',
} as const;

const OAUTH_STEPS = {
  request: 'request parameters',
  client: 'app client',
  'redirect-uri': 'redirect URI',
  scopes: 'scopes',
  pkce: 'PKCE (code verifier)',
  code: 'authorization code',
  session: 'hosted UI session cookie',
  logout: 'sign-out',
} as const;

const MFA_FACTORS = { SMS: 'SMS text message', TOTP: 'authenticator app (TOTP)', EMAIL: 'e-mail' } as const;
const MFA_STEPS = {
  associate: 'secret issued (AssociateSoftwareToken)',
  verify: 'first code checked (VerifySoftwareToken)',
  preference: 'MFA preference set',
  challenge: 'second factor asked for',
  'code-checked': 'code checked',
} as const;
const FEDERATION_STEPS = {
  redirect: 'redirect to the identity provider',
  'idp-sign-in': 'sign-in at the identity provider',
  'idp-token': "identity provider's token checked",
  assertion: 'SAML assertion received',
  'user-linked': 'user pool user created or updated',
  login: 'identity pool login',
} as const;

function when(ms: number, at: number): string {
  return `${isoTime(ms)} (${describeExpiry(ms, at).text})`;
}

function facts(...items: (Fact | false | undefined)[]): Fact[] {
  return items.filter((f): f is Fact => Boolean(f));
}

/** How a note reads in the Decision tab, at the exchange's virtual time `at`. */
export function viewNote(note: Note, at: number): NoteView {
  switch (note.kind) {
    case 'sigv4':
      return {
        badge: 'SigV4 signature',
        icon: '✎',
        tone: note.outcome === 'valid' ? 'good' : 'bad',
        facts: facts(
          { term: 'Outcome', value: note.outcome },
          note.accessKeyId !== undefined && { term: 'Access key id', value: note.accessKeyId },
          note.code !== undefined && { term: 'Error code', value: note.code },
          note.signedHeaders !== undefined && { term: 'Signed headers', value: note.signedHeaders.join(';') },
          note.canonicalRequest !== undefined && { term: 'Canonical request', value: note.canonicalRequest, pre: true },
          note.stringToSign !== undefined && { term: 'String to sign', value: note.stringToSign, pre: true },
        ),
      };
    case 'error':
      return {
        badge: 'AWS error',
        icon: '✖',
        tone: 'bad',
        facts: [
          { term: 'Code', value: note.code },
          { term: 'Message', value: note.message },
          { term: 'Status', value: statusLine(note.status) },
        ],
      };
    case 'code-sent':
      return {
        badge: 'Code sent',
        icon: '✉',
        tone: 'neutral',
        facts: [
          { term: 'Purpose', value: PURPOSES[note.purpose] },
          { term: 'Channel', value: note.channel === 'EMAIL' ? 'e-mail' : 'SMS' },
          { term: 'Destination', value: note.destination },
          { term: 'Expires at', value: when(note.expiresAt, at) },
        ],
      };
    case 'code-checked':
      return {
        badge: 'Code checked',
        icon: '#',
        tone: note.outcome === 'valid' ? 'good' : 'bad',
        facts: [
          { term: 'Purpose', value: PURPOSES[note.purpose] },
          { term: 'Outcome', value: note.outcome },
        ],
      };
    case 'password-checked':
      return {
        badge: 'Password checked',
        icon: '✱',
        tone: note.outcome === 'correct' ? 'good' : 'bad',
        facts: facts(
          { term: 'Username', value: note.username },
          { term: 'Outcome', value: note.outcome },
          note.failedAttempts !== undefined && { term: 'Failed attempts', value: String(note.failedAttempts) },
        ),
      };
    case 'password-policy':
      return {
        badge: 'Password policy',
        icon: '☰',
        tone: note.outcome === 'accepted' ? 'good' : 'bad',
        facts: facts({ term: 'Outcome', value: note.outcome }, note.rule !== undefined && { term: 'Rule', value: note.rule }),
      };
    case 'lockout':
      return {
        badge: 'Lockout',
        icon: '⊘',
        tone: 'bad',
        facts: [
          { term: 'Username', value: note.username },
          { term: 'Failed attempts', value: String(note.failedAttempts) },
          { term: 'Locked until', value: `${isoTime(note.lockedUntil)} (for ${formatDuration(note.lockedUntil - at)})` },
        ],
      };
    case 'token-issued':
      return {
        badge: 'Token issued',
        icon: '★',
        tone: 'good',
        facts: facts(
          { term: 'Token', value: TOKEN_NAMES[note.tokenUse] },
          note.kid !== undefined && { term: 'Key id (kid)', value: note.kid },
          { term: 'Expires at', value: when(note.expiresAt, at) },
        ),
        ...(note.claims ? { claims: note.claims } : {}),
      };
    case 'token-checked':
      return {
        badge: 'Token checked',
        icon: '✔',
        tone: note.outcome === 'valid' ? 'good' : 'bad',
        facts: facts(
          { term: 'Token', value: TOKEN_NAMES[note.tokenUse] },
          { term: 'Outcome', value: note.outcome },
          note.reason !== undefined && { term: 'Reason', value: note.reason },
        ),
      };
    case 'token-revoked':
      return {
        badge: 'Tokens revoked',
        icon: '⊗',
        tone: 'warn',
        facts: [
          { term: 'Scope', value: note.scope === 'refresh-token' ? 'one refresh token and the tokens it issued' : 'every token of the user' },
          { term: 'Username', value: note.username },
        ],
      };
    case 'user-changed':
      return {
        badge: 'User changed',
        icon: '☺',
        tone: 'neutral',
        facts: [
          { term: 'Username', value: note.username },
          { term: 'Change', value: note.change },
        ],
      };
    case 'challenge':
      return {
        badge: 'Challenge',
        icon: '?',
        tone: 'warn',
        facts: [
          { term: 'Challenge', value: note.challengeName },
          { term: 'Session expires at', value: when(note.expiresAt, at) },
        ],
      };
    case 'secret-hash':
      return { badge: 'Secret hash', icon: '#', tone: note.outcome === 'valid' ? 'good' : 'bad', facts: [{ term: 'Outcome', value: note.outcome }] };
    case 'policy':
      return {
        badge: 'IAM policy evaluated',
        icon: '⚖',
        tone: note.evaluation.decision === 'Allow' ? 'good' : 'bad',
        facts: [
          { term: 'Principal', value: note.principalArn },
          { term: 'Action', value: note.evaluation.request.action },
          { term: 'Resource', value: note.evaluation.request.resource },
          { term: 'Decision', value: note.evaluation.decision },
          { term: 'Why', value: note.evaluation.reason },
        ],
      };
    case 'credentials-issued':
      return {
        badge: 'Credentials issued',
        icon: '⚿',
        tone: 'good',
        facts: facts(
          { term: 'Access key id', value: note.accessKeyId },
          { term: 'Role', value: note.roleArn },
          note.identityId !== undefined && { term: 'Identity id', value: note.identityId },
          { term: 'Expires at', value: when(note.expiresAt, at) },
        ),
      };
    case 'role-chosen':
      return { badge: 'Role chosen', icon: '☍', tone: 'neutral', facts: [{ term: 'Role', value: note.roleArn }, { term: 'How', value: note.how }] };
    case 'identity':
      return {
        badge: note.created ? 'Identity created' : 'Identity found',
        icon: '◉',
        tone: 'neutral',
        facts: [
          { term: 'Identity id', value: note.identityId },
          { term: 'Logins', value: note.logins.length > 0 ? note.logins.join(', ') : 'none (guest)' },
        ],
      };
    case 'oauth':
      return {
        badge: 'OAuth 2.0',
        icon: '⇄',
        tone: note.outcome === 'ok' ? 'good' : 'bad',
        facts: facts(
          { term: 'Step', value: OAUTH_STEPS[note.step] },
          { term: 'Outcome', value: note.outcome },
          note.clientId !== undefined && { term: 'App client', value: note.clientId },
          note.scopes !== undefined && { term: 'Scopes', value: note.scopes.length > 0 ? note.scopes.join(' ') : 'none' },
          note.error !== undefined && { term: 'OAuth error', value: note.error },
        ),
      };
    case 'authorizer':
      return {
        badge: 'API authorizer',
        icon: '⛨',
        tone: note.outcome === 'allowed' ? 'good' : note.outcome === 'error' ? 'warn' : 'bad',
        facts: facts(
          { term: 'Authorizer', value: note.name !== undefined ? `${note.name} (${note.authorizer})` : note.authorizer },
          { term: 'Outcome', value: note.outcome },
          note.cached !== undefined && { term: 'Decision', value: note.cached ? 'from the authorizer cache' : 'computed for this request' },
          note.principalId !== undefined && { term: 'Principal id', value: note.principalId },
          ...note.checks.map((c) => ({ term: `${c.passed ? '✔' : '✖'} ${c.check}`, value: c.detail ?? (c.passed ? 'passed' : 'failed') })),
        ),
      };
    case 'mfa':
      return {
        badge: 'MFA',
        icon: '⚷',
        tone: note.outcome === 'ok' ? 'good' : 'bad',
        facts: facts(
          { term: 'Factor', value: MFA_FACTORS[note.factor] },
          { term: 'Step', value: MFA_STEPS[note.step] },
          { term: 'Outcome', value: note.outcome },
          note.detail !== undefined && { term: 'Detail', value: note.detail },
        ),
      };
    case 'srp':
      return {
        badge: 'SRP',
        icon: '∿',
        tone: note.outcome === 'ok' ? 'good' : 'bad',
        facts: facts(
          { term: 'Step', value: note.step === 'challenge' ? 'PASSWORD_VERIFIER challenge (SRP_B, SALT, SECRET_BLOCK)' : 'password claim signature checked' },
          { term: 'Outcome', value: note.outcome },
          note.username !== undefined && { term: 'USER_ID_FOR_SRP', value: note.username },
          ...Object.entries(note.values ?? {}).map(([term, value]) => ({ term, value, pre: value.length > 64 })),
        ),
      };
    case 'trigger':
      return {
        badge: 'Lambda trigger',
        icon: 'λ',
        tone: note.outcome === 'ok' ? 'good' : 'bad',
        facts: facts(
          { term: 'Trigger', value: note.trigger },
          { term: 'triggerSource', value: note.triggerSource },
          { term: 'Function', value: note.functionName },
          { term: 'Outcome', value: note.outcome },
          note.changes !== undefined && note.changes.length > 0 && { term: 'Changes', value: note.changes.join('; ') },
        ),
      };
    case 'federation':
      return {
        badge: 'Federation',
        icon: '⇆',
        tone: note.outcome === 'ok' ? 'good' : 'bad',
        facts: facts(
          { term: 'Provider', value: `${note.provider} (${note.providerType})` },
          { term: 'Step', value: FEDERATION_STEPS[note.step] },
          { term: 'Outcome', value: note.outcome },
          note.subject !== undefined && { term: 'Subject', value: note.subject },
          ...Object.entries(note.attributes ?? {}).map(([term, value]) => ({ term: `Attribute ${term}`, value })),
        ),
      };
    case 'saml':
      return {
        badge: 'SAML assertion',
        icon: '✉',
        tone: note.outcome === 'ok' ? 'good' : 'bad',
        facts: facts(
          { term: 'Issuer', value: note.issuer },
          { term: 'Signature', value: note.signature },
          { term: 'Outcome', value: note.outcome },
          note.reason !== undefined && { term: 'Reason', value: note.reason },
          note.nameId !== undefined && { term: 'NameID', value: note.nameId },
          note.signatureMethod !== undefined && { term: 'Signature method', value: note.signatureMethod },
          note.digestMethod !== undefined && { term: 'Digest method', value: note.digestMethod },
          note.audience !== undefined && { term: 'Audience', value: note.audience },
          note.notOnOrAfter !== undefined && { term: 'Valid until', value: when(note.notOnOrAfter, at) },
          ...Object.entries(note.attributes ?? {}).map(([term, value]) => ({ term: `Attribute ${term}`, value })),
        ),
      };
    case 'info':
      return { badge: 'Note', icon: 'i', tone: 'neutral', facts: [] };
    default:
      return exhaustiveSwitchError(note, 'note kind');
  }
}
