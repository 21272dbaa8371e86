// The layer rules of architecture.md live in eslint.config.js; this test proves they bite.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layer import rules', () => {
  it.each([
    ['src/sim/bad.ts', "import 'react';"],
    ['src/sim/bad.ts', "import { create } from 'zustand';\nexport const s = create;"],
    ['src/sim/deep/bad.ts', "import { App } from '../../app/app';\nexport const a = App;"],
    ['src/lib/bad.ts', "import { createSimulator } from '../sim/index';\nexport const c = createSimulator;"],
    ['src/ui/bad.tsx', "import { createSimulator } from '../sim/index';\nexport const c = createSimulator;"],
    ['src/app/bad.tsx', "import { ReactFlow } from '@xyflow/react';\nexport const r = ReactFlow;"],
    ['src/client/bad.ts', "import { useSettings } from '../store/settings';\nexport const u = useSettings;"],
  ])('refuses a forbidden import in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['src/sim/ok.ts', "import { toHex } from '../lib/encoding';\nexport const h = toHex;"],
    ['src/ui/ok.tsx', "import type { Simulator } from '../sim/index';\nexport type S = Simulator;"],
    ['src/app/ok.tsx', "import { createRoot } from 'react-dom/client';\nexport const c = createRoot;"],
  ])('allows what architecture.md allows in %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['Date.now', 'export const t = Date.now();', 'no-restricted-properties'],
    ['Math.random', 'export const r = Math.random();', 'no-restricted-properties'],
    ['new Date()', 'export const d = new Date();', 'no-restricted-syntax'],
    ['window', 'export const w = window.innerWidth;', 'no-restricted-globals'],
  ])('keeps the simulator pure: %s is refused in src/sim', async (_what, code, rule) => {
    expect(await ruleIds('src/sim/impure.ts', code)).toContain(rule);
  });
});
