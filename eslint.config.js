import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/*.bpmn'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The designer runs in the browser (designer/dist is ignored above with every dist).
    files: ['designer/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The engine is pure: no Node or DOM globals, no I/O modules, no other workspace packages.
    files: ['engine/src/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'os'], message: 'engine/src is pure: no I/O modules.' },
          { group: ['@tongban/server', '@tongban/designer', '@tongban/connectors', '@tongban/forms'], message: 'engine must not import other packages.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'setTimeout', 'setInterval', 'require'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the injected clock.' },
        { object: 'Math', property: 'random', message: 'Use the injected id source.' },
      ],
    },
  },
  {
    // Forms validate in the browser too: no Node modules, and only the browser-safe parts of connectors.
    files: ['forms/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: '@tongban/connectors', message: 'Import @tongban/connectors/identifiers or /model: the root also exports the demo exchange (node:http).' }],
        patterns: [{ group: ['node:*'], message: 'forms/src runs in the browser: no Node modules.' }],
      }],
    },
  },
);
