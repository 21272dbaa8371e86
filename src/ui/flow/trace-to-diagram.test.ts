import { describe, expect, it } from 'vitest';
import type { ActorId } from '../../sim/index';
import { COLUMN_GAP, bundleEdges, edgeRef, traceToDiagram } from './trace-to-diagram';
import { apiRun, buildRun, signUpRun } from './fixtures';

describe('traceToDiagram', () => {
  describe('When the scenario is a sign-up on the user pool', () => {
    const { trace, steps } = signUpRun();

    it('draws only the actors in the trace, named for learners and coloured by service', () => {
      const { actors } = traceToDiagram(trace, steps, 0);
      expect(actors.map((a) => a.id)).toEqual(['app', 'cognito-idp']);
      expect(actors.map((a) => a.label)).toEqual(['Your app', 'User pool']);
      expect(actors[1]).toMatchObject({ service: 'Amazon Cognito', colour: 'var(--flow-svc-cognito)', icon: 'user-pool' });
      expect(actors[0]).toMatchObject({ colour: 'var(--flow-svc-client)', icon: 'app' });
    });

    it('puts the client on the left and the service to its right', () => {
      const [app, pool] = traceToDiagram(trace, steps, 0).actors;
      expect(app!.x).toBeLessThan(pool!.x);
      expect(pool!.x - app!.x).toBe(COLUMN_GAP);
      expect(app!.y).toBe(pool!.y);
    });

    it('draws one numbered edge per step up to the cursor, in order, and none after it', () => {
      const { edges } = traceToDiagram(trace, steps, 2);
      expect(edges.map((e) => [e.id, e.number, e.label, e.state])).toEqual([
        ['x1', 1, 'SignUp', 'past'],
        ['x2', 2, 'InitiateAuth', 'past'],
        ['x3', 3, 'ConfirmSignUp', 'current'],
      ]);
      expect(edges.every((e) => e.from === 'app' && e.to === 'cognito-idp')).toBe(true);
    });

    it('keeps every actor of the scenario in place from the first step, so boxes never jump', () => {
      const run = buildRun([
        { from: 'app', to: 'cognito-idp', operation: 'SignUp' },
        { from: 'app', to: 'cognito-identity', operation: 'GetId', body: { IdentityId: 'us-east-1:1' } },
      ]);
      expect(traceToDiagram(run.trace, run.steps, 0).actors).toEqual(traceToDiagram(run.trace, run.steps, 1).actors);
      expect(traceToDiagram(run.trace, run.steps, 0).edges).toHaveLength(1);
    });

    it('colours each answer by its outcome: below 400 is a success, an AWS error is an error', () => {
      const { edges } = traceToDiagram(trace, steps, 3);
      expect(edges.map((e) => e.outcome)).toEqual(['success', 'error', 'success', 'success']);
    });

    it('labels the answers by what they carry, or by the AWS error code', () => {
      const { edges } = traceToDiagram(trace, steps, 3);
      expect(edges.map((e) => e.responseLabel)).toEqual(['code sent', 'UserNotConfirmedException', 'OK', 'tokens']);
    });

    it('describes the current exchange: who sent what to whom and what came back', () => {
      const { current } = traceToDiagram(trace, steps, 1);
      expect(current).toMatchObject({
        edgeId: 'x2',
        number: 2,
        stepCount: 4,
        requestLabel: 'InitiateAuth',
        responseLabel: 'UserNotConfirmedException',
        from: 'app',
        to: 'cognito-idp',
        fromLabel: 'Your app',
        toLabel: 'User pool',
        outcome: 'error',
        status: 400,
      });
      expect(current!.legs.map((l) => [l.phase, l.from, l.to, l.label])).toEqual([
        ['request', 'app', 'cognito-idp', 'InitiateAuth'],
        ['response', 'cognito-idp', 'app', 'UserNotConfirmedException'],
      ]);
    });

    it('clamps a cursor outside the steps to the first or the last step', () => {
      expect(traceToDiagram(trace, steps, -3).current?.number).toBe(1);
      expect(traceToDiagram(trace, steps, 99).current?.number).toBe(4);
      expect(traceToDiagram(trace, steps, 99).edges).toHaveLength(4);
    });
  });

  describe('When a service calls others while it handles a request', () => {
    const { trace, steps } = apiRun();

    it('marks the calls as nested under the edge that caused them, numbered within its step', () => {
      const { edges } = traceToDiagram(trace, steps, 1);
      const byId = new Map(edges.map((e) => [e.id, e]));
      expect(byId.get('x2')).toMatchObject({ nested: false, depth: 0, number: 2, stepIndex: 1 });
      expect(byId.get('x2')!.parentEdgeId).toBeUndefined();
      expect(byId.get('x3')).toMatchObject({ nested: true, parentEdgeId: 'x2', depth: 1, number: 2, subNumber: 1, stepIndex: 1, state: 'current' });
      expect(byId.get('x4')).toMatchObject({ nested: true, parentEdgeId: 'x3', depth: 2, number: 2, subNumber: 2 });
      expect(edgeRef(byId.get('x4')!)).toBe('2.2');
      expect(edgeRef(byId.get('x2')!)).toBe('2');
    });

    it('sends the chips out and back in call order: request, nested calls out and back, then the answer', () => {
      const legs = traceToDiagram(trace, steps, 1).current!.legs;
      expect(legs.map((l) => `${l.phase} ${l.from}→${l.to}`)).toEqual([
        'request app→api-gateway',
        'request api-gateway→lambda',
        'request lambda→dynamodb',
        'response dynamodb→lambda',
        'response lambda→api-gateway',
        'response api-gateway→app',
      ]);
    });

    it('labels signed requests and the credentials they were signed with', () => {
      const { edges } = traceToDiagram(trace, steps, 2);
      expect(edges.find((e) => e.id === 'x1')).toMatchObject({ label: 'GetCredentialsForIdentity', responseLabel: 'credentials' });
      expect(edges.find((e) => e.id === 'x2')!.label).toBe('signed GET /reports');
      expect(edges.find((e) => e.id === 'x4')!.label).toBe('signed Query');
      expect(edges.find((e) => e.id === 'x5')).toMatchObject({ label: 'signed AdminCreateUser', responseLabel: 'UsernameExistsException', outcome: 'error' });
    });

    it('lays the actors out in columns by role: client side, Cognito, then API Gateway, Lambda, DynamoDB', () => {
      const { actors } = traceToDiagram(trace, steps, 0);
      expect(actors.map((a) => a.id)).toEqual(['app', 'admin', 'cognito-idp', 'cognito-identity', 'api-gateway', 'lambda', 'dynamodb']);
      const column = (id: ActorId) => actors.find((a) => a.id === id)!.column;
      expect(column('app')).toBe(column('admin'));
      expect(actors.find((a) => a.id === 'app')!.y).toBeLessThan(actors.find((a) => a.id === 'admin')!.y);
      expect([column('cognito-idp'), column('cognito-identity'), column('api-gateway'), column('lambda'), column('dynamodb')]).toEqual([1, 2, 3, 4, 5]);
    });

    it('bundles the edges between the same two actors into one line, whichever way they go', () => {
      const diagram = traceToDiagram(trace, steps, 2);
      const bundles = bundleEdges(diagram);
      expect(bundles.map((b) => [b.id, b.edges.map((e) => e.id), b.nested, b.hasCurrent])).toEqual([
        ['app~cognito-identity', ['x1'], false, false],
        ['app~api-gateway', ['x2'], false, false],
        ['api-gateway~lambda', ['x3'], true, false],
        ['lambda~dynamodb', ['x4'], true, false],
        ['admin~cognito-idp', ['x5'], false, true],
      ]);
    });
  });

  describe('When the trace is unusual', () => {
    it('still draws actors it has never heard of, in a neutral style', () => {
      const run = buildRun([
        { from: 'quantum-ledger' as ActorId, to: 'moon_base' as ActorId, operation: 'Teleport' },
        { from: 'moon_base' as ActorId, to: 'quantum-ledger' as ActorId, operation: 'Reply', status: 503 },
      ]);
      const diagram = traceToDiagram(run.trace, run.steps, 1);
      expect(diagram.actors.map((a) => a.id)).toEqual(['app', 'quantum-ledger', 'moon_base']);
      expect(diagram.actors.map((a) => a.label)).toEqual(['Your app', 'Quantum Ledger', 'Moon Base']);
      expect(diagram.actors[1]).toMatchObject({ service: 'Other', icon: 'generic', colour: 'var(--flow-svc-other)' });
      expect(diagram.edges.map((e) => [e.outcome, e.responseLabel])).toEqual([
        ['success', 'OK'],
        ['error', 'HTTP 503'],
      ]);
      expect(diagram.current).toMatchObject({ fromLabel: 'Moon Base', toLabel: 'Quantum Ledger' });
    });

    it('draws the app alone, and no edges, when there are no steps yet', () => {
      const diagram = traceToDiagram([], [], 0);
      expect(diagram).toMatchObject({ edges: [], stepCount: 0 });
      expect(diagram.current).toBeUndefined();
      expect(diagram.actors.map((a) => a.id)).toEqual(['app']);
    });

    it('leaves out exchanges that belong to no step (e.g. a key fetch made after the scenario)', () => {
      const run = signUpRun();
      const extra = { ...run.trace[0]!, id: 'x99', from: 'browser' as const, operation: 'GET /jwks.json' };
      const diagram = traceToDiagram([...run.trace, extra], run.steps, 3);
      expect(diagram.edges.map((e) => e.id)).not.toContain('x99');
      expect(diagram.actors.map((a) => a.id)).not.toContain('browser');
    });
  });
});
