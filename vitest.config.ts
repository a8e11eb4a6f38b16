import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Tests that start many runner processes at once to race them against each other: they run
 * after the rest, on their own. Beside three other test files on a 2-core machine their 20 runs
 * took up to 291 s of a run's 300 s retry window (alone: 46 s), so what they measured was the
 * load of the other files, not whether every run lands.
 */
const RACES = ["test/action/update-concurrency.test.ts"];

export default defineConfig({
  test: {
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
    projects: [
      { extends: true, test: { name: "tests", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...RACES] } },
      { extends: true, test: { name: "races", include: RACES, sequence: { groupOrder: 1 } } },
    ],
  },
});
