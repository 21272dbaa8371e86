// Properties of the decision that hold for any policies and request (fast-check): an explicit Deny that
// matches always wins; removing an Allow statement never turns a deny into an allow; session policies
// never grant what the identity policies alone do not; condition keys are read whatever their case; and
// every statement is explained. Replay a failure with IAM_PROPERTY_SEED=<seed>.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, statementsOf } from './evaluate';
import { policiesArb, requestArb, statementArb } from './policy-arbitraries.testkit';
import type { NamedPolicy, Statement } from './types';

const OPTIONS = { numRuns: 1000, ...(process.env.IAM_PROPERTY_SEED ? { seed: Number(process.env.IAM_PROPERTY_SEED) } : {}) };
const sessionArb = fc.oneof(fc.constant<NamedPolicy[]>([]), policiesArb('Session', 2));

const withStatement = (policies: NamedPolicy[], at: number, statement: Statement): NamedPolicy[] =>
  policies.map((p, i) => (i === at % policies.length ? { ...p, document: { ...p.document, Statement: [...statementsOf(p), statement] } } : p));

describe('Properties of the decision', () => {
  it('an explicit Deny that matches wins, wherever it is', () => {
    fc.assert(
      fc.property(policiesArb('Identity', 2), sessionArb, requestArb, statementArb('Deny'), fc.nat(), fc.boolean(), (identity, session, request, generated, at, inSession) => {
        // Half the time a Deny written for this very request, so the property is exercised often.
        const deny: Statement = at % 2 ? generated : { Effect: 'Deny', Action: request.action, Resource: request.resource };
        const target = inSession && session.length ? session : identity;
        const placed = withStatement(target, at, deny);
        const e = evaluate({ identityPolicies: target === identity ? placed : identity, sessionPolicies: target === session ? placed : session, request });
        const host = placed[at % placed.length]!;
        const kind = target === identity ? 'identity' : 'session';
        const mine = e.statements.find((s) => s.policyType === kind && s.policyName === host.name && s.index === statementsOf(host).length - 1)!;
        if (mine.applies) expect(e.decision).toBe('ExplicitDeny');
        expect(e.decision === 'ExplicitDeny').toBe(e.statements.some((s) => s.effect === 'Deny' && s.applies));
      }),
      OPTIONS,
    );
  });

  it('removing an Allow statement never turns a deny into an allow', () => {
    fc.assert(
      fc.property(policiesArb('Identity', 2), sessionArb, requestArb, fc.nat(), (identity, session, request, pick) => {
        const before = evaluate({ identityPolicies: identity, sessionPolicies: session, request });
        const all = [...identity.map((p) => ['identity', p] as const), ...session.map((p) => ['session', p] as const)];
        const allows = all.flatMap(([kind, p]) => statementsOf(p).flatMap((s, i) => (s.Effect === 'Allow' ? [{ kind, name: p.name, i }] : [])));
        if (allows.length === 0) return;
        const gone = allows[pick % allows.length]!;
        const without = (policies: NamedPolicy[]) =>
          policies
            .map((p) => (p.name === gone.name ? { ...p, document: { ...p.document, Statement: statementsOf(p).filter((_, i) => i !== gone.i) } } : p))
            .filter((p) => statementsOf(p).length > 0);
        const after = evaluate({ identityPolicies: gone.kind === 'identity' ? without(identity) : identity, sessionPolicies: gone.kind === 'session' ? without(session) : session, request });
        if (before.decision !== 'Allow' && !(gone.kind === 'session' && without(session).length === 0)) expect(after.decision).not.toBe('Allow');
      }),
      OPTIONS,
    );
  });

  it('adding session policies never grants more than the identity policies alone', () => {
    fc.assert(
      fc.property(policiesArb('Identity', 2), policiesArb('Session', 2), requestArb, (identity, session, request) => {
        const alone = evaluate({ identityPolicies: identity, request });
        const scoped = evaluate({ identityPolicies: identity, sessionPolicies: session, request });
        if (scoped.decision === 'Allow') expect(alone.decision).toBe('Allow');
        if (alone.decision === 'ExplicitDeny') expect(scoped.decision).toBe('ExplicitDeny');
      }),
      OPTIONS,
    );
  });

  it('reads condition keys whatever their case, and explains every statement', () => {
    fc.assert(
      fc.property(policiesArb('Identity', 2), requestArb, fc.boolean(), (identity, request, upper) => {
        const recased = { ...request, context: Object.fromEntries(Object.entries(request.context).map(([k, v]) => [upper ? k.toUpperCase() : k.toLowerCase(), v])) };
        const a = evaluate({ identityPolicies: identity, request });
        const b = evaluate({ identityPolicies: identity, request: recased });
        expect(b.decision).toBe(a.decision);
        expect(a.statements).toHaveLength(identity.reduce((n, p) => n + statementsOf(p).length, 0));
        expect(a.reason).not.toBe('');
      }),
      OPTIONS,
    );
  });
});
