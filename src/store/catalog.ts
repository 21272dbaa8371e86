// The scenario library's data for the UI: what each scenario is about, without running anything.
import { scenarios } from '../content/scenarios/index';
import type { Scenario, ServiceTag } from '../content/scenarios/types';

export type ScenarioCard = Pick<Scenario, 'id' | 'title' | 'goal' | 'level' | 'services' | 'minutes' | 'outcome'>;

export const scenarioCatalog: readonly ScenarioCard[] = scenarios.map(({ id, title, goal, level, services, minutes, outcome }) => ({ id, title, goal, level, services, minutes, outcome }));

export const allServices: readonly ServiceTag[] = [...new Set(scenarioCatalog.flatMap((s) => s.services))];
