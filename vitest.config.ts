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
          // The designer's logic that needs no browser: limits, the live check, the API client.
          name: 'designer',
          root: './designer',
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
          exclude: ['**/node_modules/**', 'e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          // Chromium against a real server process serving the built designer.
          name: 'e2e',
          root: './tests',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
