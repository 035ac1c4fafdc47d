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
    // The engine is pure: no Node or DOM globals, no I/O modules, no other workspace packages.
    files: ['engine/src/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'os'], message: 'engine/src is pure: no I/O modules.' },
          { group: ['@tongban/server', '@tongban/designer', '@tongban/connectors'], message: 'engine must not import other packages.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'setTimeout', 'setInterval', 'require'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the injected clock.' },
        { object: 'Math', property: 'random', message: 'Use the injected id source.' },
      ],
    },
  },
);
