import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Discord tests run a real client against a loopback server: give them room on a busy machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
