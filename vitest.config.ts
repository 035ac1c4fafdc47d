import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'engine',
          root: './engine',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'connectors',
          root: './connectors',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'forms',
          root: './forms',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          // Tests start real servers (argon2 seeding, the parse worker): slower than unit tests on a loaded machine.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'tests',
          root: './tests',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
