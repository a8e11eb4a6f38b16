import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/support/cleanup.ts"],
    pool: "forks",
    // Most test files wait on git, git http-backend and the fake GitHub rather than compute:
    // at least three at once, where vitest's default (cores - 1) runs them one by one on 2 cores (10 min -> 4).
    maxWorkers: Math.max(availableParallelism() - 1, 3),
    // A limit, not a measure: on a 2-core machine where starting a process takes milliseconds, a test
    // of many git and runner processes beside three others has been seen past a minute.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
