// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Which layer may import which (docs/architecture.md): the core imports no other layer; the stages
 * of a turn import only the core (the dialogue also its flows); adapters import the core and the
 * config, never a stage; only the composition root (src/index.ts) and the CLI put parts together.
 */
const LAYERS = ['core', 'config', 'privacy', 'nlu', 'dialogue', 'knowledge', 'store', 'transcripts', 'insights', 'adapters', 'ops', 'cli', 'text', 'learn'];
/** Shared building blocks (text handling, learning): any layer may use them; they use nothing else. */
const SHARED = ['text', 'learn'];
const ALLOWED = {
  text: [],
  learn: [],
  core: [],
  config: ['core'],
  privacy: ['core'],
  nlu: ['core'],
  knowledge: ['core'],
  dialogue: ['core'],
  store: ['core'],
  transcripts: ['core', 'store'],
  insights: ['core'],
  adapters: ['core', 'config'],
  ops: ['core'],
};

/**
 * One block per layer and folder depth (ESLint does not merge a rule's options across blocks, so
 * each block carries all of them): every other layer the layer may not use, and src/index.ts.
 */
const boundaries = Object.entries(ALLOWED).flatMap(([layer, allowed]) => {
  const mayUse = SHARED.includes(layer) ? allowed : [...allowed, ...SHARED];
  const forbidden = LAYERS.filter((other) => other !== layer && !mayUse.includes(other));
  return [0, 1, 2, 3].map((depth) => {
    const up = '../'.repeat(depth + 1);
    return {
      files: [`src/${layer}/${'*/'.repeat(depth)}*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...forbidden.map((other) => ({ group: [`**/${other}/**`], message: `src/${layer}/ may not import src/${other}/ (docs/architecture.md#layers-and-the-rules-between-them).` })),
              { group: [`${up}index.js`], message: 'Only the CLI imports the composition root (src/index.ts).' },
            ],
          },
        ],
      },
    };
  });
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'models/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', Buffer: 'readonly', URL: 'readonly' },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Type-aware: a promise nobody awaits loses its errors and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      'no-console': 'off',
    },
  },
  // Type information costs time: the rules that need it run on the shipped code, where a lost promise loses a reply.
  { files: ['**/*.js', 'test/**', 'bench/**', 'scripts/**', '*.ts'], ...tseslint.configs.disableTypeChecked },
  ...boundaries,
);
