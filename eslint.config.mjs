// Strict, type-aware lint for the TypeScript; plain recommended rules for the build scripts.
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What Node has and Apps Script V8 lacks: the same list the local runtime removes. */
const APPS_SCRIPT_LACKS = JSON.parse(readFileSync(`${import.meta.dirname}/packages/add-on/src/core/apps-script-lacks.json`, 'utf8'));

export default tseslint.config(
  { ignores: ['**/dist/', '**/build/', '**/node_modules/', '**/coverage/', '**/.playground/', '**/test-results/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    // The sidebar's code is typed for the browser by its own tsconfig.
    files: ['packages/add-on/src/client/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['./packages/add-on/src/client/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // So are the playground's page and the browser tests (their page.evaluate callbacks run there).
    files: ['packages/tools/src/playground/page/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['./packages/tools/src/playground/page/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['packages/tools/test/e2e/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: ['./packages/tools/test/e2e/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Code bundled for Apps Script must not reach for Node or browser globals it will not have.
    files: ['packages/add-on/src/core/**/*.ts', 'packages/add-on/src/gas/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_LACKS.map((name) => ({
          name,
          message: `Apps Script V8 has no ${name}.`,
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The classic zod build adds ~450 KB to every custom-function start: import zod/mini.' }],
          patterns: [
            { group: ['node:*', '@stripe-utm-sheets/tools', '@stripe-utm-sheets/tools/*'], message: 'Not available in Apps Script.' },
          ],
        },
      ],
    },
  },
  {
    // The relay runs on Workers, Deno and Node: web platform only. Its Node adapter and server
    // (node-*.ts) are the exception, and are not part of the Workers bundle.
    files: ['packages/add-on/src/relay/**/*.ts'],
    ignores: ['packages/add-on/src/relay/node-*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', 'global', 'setImmediate'].map((name) => ({
          name,
          message: `Not on Workers: ${name} is Node's; use the web platform (the Node server passes env in).`,
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '@stripe-utm-sheets/tools', '@stripe-utm-sheets/tools/*', '../gas/*'],
              message: 'The relay is web platform only (Workers, Deno, Node).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/*/test/**/*.ts', 'packages/tools/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // jest's asymmetric matchers (expect.stringMatching, expect.objectContaining) are typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
