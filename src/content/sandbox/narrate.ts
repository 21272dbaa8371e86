// Plain-words accounts of the sandbox's requests, made from the recorded exchange itself: what was sent, the status,
// AWS's error code and message, and the summaries of the main notes the services left (the exchange's own and those
// of the requests it made in turn). Nothing here is canned per outcome: it is read off the trace.
import type { Exchange, Note } from '../../sim/index';
import type { SandboxStep } from './actions';

const SERVICE: Record<string, string> = {
  'cognito-idp': 'the user pool',
  'hosted-ui': 'the hosted UI',
  'cognito-identity': 'the identity pool',
  sts: 'STS',
  'api-gateway': 'API Gateway',
  dynamodb: 'DynamoDB',
  google: 'Google',
  facebook: 'Facebook',
  'saml-idp': 'CorpAD',
  alb: 'the load balancer',
  lambda: 'Lambda',
  target: 'the target',
  iam: 'IAM',
};

export const serviceName = (actor: string): string => SERVICE[actor] ?? actor;

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** AWS's error as the SDK reads it (x-amzn-errortype, else __type or code, cut at ':' and after '#'), with its message. */
export function awsErrorOf(x: Exchange): { code: string; message: string } | undefined {
  if (x.response.status < 400) return undefined;
  const body = parseJson(x.response.body);
  const header = Object.entries(x.response.headers).find(([k]) => k.toLowerCase() === 'x-amzn-errortype')?.[1];
  const raw = header ?? (typeof body?.__type === 'string' ? body.__type : undefined) ?? (typeof body?.code === 'string' ? body.code : undefined) ?? (typeof body?.error === 'string' ? body.error : undefined);
  const message = [body?.message, body?.Message, body?.error_description].find((m): m is string => typeof m === 'string') ?? '';
  if (raw === undefined) {
    const xml = /<Code>([^<]*)<\/Code>/.exec(x.response.body ?? '');
    if (xml) return { code: xml[1]!, message: /<Message>([^<]*)<\/Message>/.exec(x.response.body ?? '')?.[1] ?? message };
    return message ? { code: '', message } : undefined;
  }
  const cut = raw.split(',')[0]!.split(':')[0]!;
  return { code: cut.includes('#') ? cut.split('#').pop()! : cut, message };
}

/** The notes worth telling, most telling first. */
const PRIORITY: Partial<Record<Note['kind'], number>> = {
  'password-policy': 1,
  sigv4: 1,
  authorizer: 1,
  policy: 1,
  'token-checked': 2,
  'code-checked': 2,
  'password-checked': 2,
  mfa: 2,
  srp: 2,
  saml: 2,
  federation: 3,
  challenge: 3,
  'code-sent': 3,
  'role-chosen': 3,
  'credentials-issued': 4,
  identity: 4,
  'token-revoked': 4,
  'user-changed': 5,
  oauth: 5,
  lockout: 2,
  trigger: 5,
  'token-issued': 6,
};

function interesting(note: Note): boolean {
  if (note.kind === 'error' || note.kind === 'info' || note.kind === 'secret-hash') return false;
  // Checks that passed are worth telling only when something was refused; successful signatures are the rule.
  if (note.kind === 'sigv4') return note.outcome === 'invalid';
  if (note.kind === 'oauth') return note.outcome === 'refused';
  return true;
}

const sentence = (text: string): string => {
  const t = text.trim();
  return t === '' || /[.!?:)]$/.test(t) ? t : `${t}.`;
};

/** The summaries of the exchange's notes and of the requests it made, at most `max`, deduplicated. */
export function noteSummaries(x: Exchange, trace: readonly Exchange[], max = 3, alreadySaid = ''): string[] {
  const family = [x, ...descendants(x.id, trace)];
  const notes = family.flatMap((e) => e.notes).filter(interesting);
  let tokenIssued = false;
  const ranked = notes
    .map((note, order) => ({ note, order, rank: PRIORITY[note.kind] ?? 9 }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .filter(({ note }) => {
      // Three token-issued notes (ID, access, refresh) say the same thing: keep the first.
      if (note.kind !== 'token-issued') return true;
      if (tokenIssued) return false;
      tokenIssued = true;
      return true;
    });
  const out: string[] = [];
  const error = awsErrorOf(x)?.message.trim().replace(/[.!?]$/, '');
  for (const { note } of ranked) {
    const s = sentence(note.summary);
    const core = s.replace(/[.!?]$/, '');
    // A summary already said (by the outcome, or inside a longer summary) is not said twice.
    const repeatsError = error !== undefined && error.length >= 20 && s.includes(error);
    if (!s || repeatsError || alreadySaid.includes(core) || out.some((o) => o.includes(core) || s.includes(o.replace(/[.!?]$/, '')))) continue;
    out.push(s);
    if (out.length >= max) break;
  }
  return out;
}

function descendants(id: string, trace: readonly Exchange[]): Exchange[] {
  const children = trace.filter((e) => e.parentId === id);
  return children.flatMap((c) => [c, ...descendants(c.id, trace)]);
}

/** "API Gateway answered 401 (Unauthorized)." or "The user pool refused: InvalidPasswordException: Password did not conform…" */
export function outcomeOf(x: Exchange): string {
  const who = serviceName(x.to);
  const status = x.response.status;
  if (status >= 300 && status < 400) {
    const location = Object.entries(x.response.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
    return location ? `${capital(who)} answered ${status}, a redirect to ${shortUrl(location)}.` : `${capital(who)} answered ${status}.`;
  }
  if (status < 300) return `${capital(who)} answered ${status} OK.`;
  const error = awsErrorOf(x);
  if (error?.code) return `${capital(who)} refused with ${status}: ${error.code}${error.message ? `: ${sentence(error.message)}` : '.'}`;
  if (error?.message) return `${capital(who)} refused with ${status}: ${sentence(error.message)}`;
  return `${capital(who)} refused with ${status}.`;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

/** A step for one exchange: the intro says what the app or the browser did, the rest is read off the trace. */
export function narrateStep(x: Exchange, trace: readonly Exchange[], actionIndex: number, title: string, intro: string): SandboxStep {
  const outcome = outcomeOf(x);
  const parts = [sentence(intro), outcome, ...noteSummaries(x, trace, 3, outcome)];
  return { exchangeId: x.id, actionIndex, title, narration: parts.filter(Boolean).join(' ') };
}
