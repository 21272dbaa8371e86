// Runs a scenario's script against a fresh simulator (made by the factory the caller passes in, so this
// module needs only the simulator's types) and pairs each step with the exchange it produced.
import { cognitoIdentityClient, cognitoIdpClient, dynamodbClient } from '../../client/aws-client';
import { assumeRoleWithWebIdentity } from '../../client/sts-client';
import { createBrowser } from '../../client/browser';
import type { CreateSimulatorOptions, Simulator, WorldConfig } from '../../sim/index';
import type { Scenario, ScenarioContext, ScenarioRun, ScenarioStep } from './types';

export type SimulatorFactory = (options: CreateSimulatorOptions) => Promise<Simulator>;

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** `defaultWorld` is needed by scenarios that change the world (scenario.world); the others start from the default. */
export async function runScenario(scenario: Scenario, createSimulator: SimulatorFactory, defaultWorld?: WorldConfig): Promise<ScenarioRun & { sim: Simulator }> {
  if (scenario.world && !defaultWorld) throw new ScenarioError(`${scenario.id}: changes the world, so runScenario needs the default world to start from`);
  const world$ = scenario.world && defaultWorld ? { world: scenario.world(structuredClone(defaultWorld)) } : {};
  const sim = await createSimulator({ seed: scenario.seed, startTime: scenario.startTime, ...world$ });
  const world = sim.describe();
  const steps: ScenarioStep[] = [];
  const topLevel = () => sim.trace().filter((x) => x.parentId === undefined);

  const ctx: ScenarioContext = {
    world,
    idp: cognitoIdpClient(sim.fetch, world.region, () => sim.clock.now(), 'app'),
    identity: cognitoIdentityClient(sim.fetch, world.region, () => sim.clock.now(), 'app'),
    dynamodb: dynamodbClient(sim.fetch, world.region, () => sim.clock.now(), 'app'),
    browser: createBrowser({ fetch: sim.fetch, now: () => sim.clock.now(), from: 'browser' }),
    assumeRoleWithWebIdentity: (input) => assumeRoleWithWebIdentity(sim.fetch, world.region, input, 'app'),
    adminCredentials: sim.adminCredentials,
    fetch: sim.fetch,
    now: () => sim.clock.now(),
    advance: (ms) => sim.clock.advance(ms),
    inbox: () => sim.messages(),
    lastCode(destination) {
      const message = sim.messages().filter((m) => m.destination === destination && m.code).at(-1);
      if (!message?.code) throw new ScenarioError(`${scenario.id}: no code was sent to ${destination}`);
      return message.code;
    },
    async step(meta, action) {
      const before = topLevel().length;
      const result = await action();
      const added = topLevel().slice(before);
      if (added.length !== 1) throw new ScenarioError(`${scenario.id}: step "${meta.title}" made ${added.length} top-level requests; a step makes exactly one`);
      steps.push({ ...meta, exchangeId: added[0]!.id });
      return result;
    },
  };

  await scenario.script(ctx);
  const trace = sim.trace();
  const lastStep = steps.at(-1);
  const last = lastStep && trace.find((x) => x.id === lastStep.exchangeId);
  if (!last) throw new ScenarioError(`${scenario.id}: the script took no steps`);
  const partial = { trace, steps, messages: sim.messages() };
  return { ...partial, outcomeMet: scenario.check(last, partial), sim };
}
