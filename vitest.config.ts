import { defineConfig } from "vitest/config";

/**
 * Three layers, one command (`npm test`):
 * - unit: pure rules, no network (`*.test.ts`)
 * - rooms: the real server on loopback with real SDK clients (`*.room.test.ts`)
 * - browser: Debian's Chromium driving the built client (`*.e2e.test.ts`), one file at a time
 *   because two cores render WebGL in software.
 * - media: Chromium talking WebRTC to the server (`*.media.test.ts`); they run only inside a private
 *   network namespace, started by tests/voice/run-media.mjs (`npm run test:media`, part of `npm test`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: [
            "tests/**/*.room.test.ts",
            "tests/**/*.e2e.test.ts",
            "tests/**/*.media.test.ts",
            "**/node_modules/**",
          ],
          environment: "node",
        },
      },
      {
        test: {
          name: "rooms",
          include: ["tests/**/*.room.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/node-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/**/*.e2e.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/node-setup.ts"],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "media",
          include: ["tests/**/*.media.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/node-setup.ts"],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
