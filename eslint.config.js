// Lint, including the import rules between the layers of docs in shared/design/architecture.md:
// each folder of src/ may import only what its row of the table allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Relative imports only (package names such as react-dom/client must not match).
const layer = (name) => ({ regex: `^(\\.\\.?/)+(.*/)?${name}(/.*)?$`, message: `this layer may not import src/${name} (see architecture.md)` });
const typesOnly = (name) => ({ ...layer(name), allowTypeImports: true, message: `only types of src/${name} may be imported here (see architecture.md)` });
const uiLibraries = [
  { group: ['react', 'react/**', 'react-dom', 'react-dom/**'], message: 'React belongs to src/ui and src/app only' },
  { group: ['@xyflow/*'], message: 'React Flow belongs to src/ui only' },
  { group: ['zustand', 'zustand/**'], message: 'zustand belongs to src/store only' },
];
const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

// The simulator is pure: no wall clock, no ambient randomness, no DOM.
const pureCore = {
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'performance'].map((name) => ({
      name,
      message: 'src/sim runs in Node and the browser alike: no DOM globals',
    })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'use the simulator clock' },
    { object: 'Math', property: 'random', message: 'use the seeded random source' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'use the simulator clock' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      ...restrict(...uiLibraries, layer('client'), layer('content'), layer('store'), layer('ui'), layer('app'), layer('testing')),
      ...pureCore,
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      ...restrict(...uiLibraries, layer('sim'), layer('client'), layer('content'), layer('store'), layer('ui'), layer('app'), layer('testing')),
      ...pureCore,
    },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: restrict(...uiLibraries, typesOnly('sim'), layer('content'), layer('store'), layer('ui'), layer('app'), layer('testing')),
  },
  {
    files: ['src/content/**/*.ts'],
    rules: restrict(...uiLibraries, typesOnly('sim'), layer('store'), layer('ui'), layer('app'), layer('testing')),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict(uiLibraries[0], uiLibraries[1], layer('ui'), layer('app'), layer('testing')),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: restrict(typesOnly('sim'), typesOnly('client'), typesOnly('content'), layer('app'), layer('testing')),
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: restrict(uiLibraries[1], typesOnly('sim'), typesOnly('client'), typesOnly('content'), layer('testing')),
  },
  {
    // Tests may reach into any layer and use test helpers.
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
