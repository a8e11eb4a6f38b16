/** A real kustomize (kubectl's), for the tests that check what it renders from an edited tree; they skip where it is not installed. */
import { execFileSync } from "node:child_process";
import { it } from "vitest";

/** Whether a kubectl client runs here. */
const hasKubectl = (() => {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/**
 * A test that needs kubectl: skipped where it is not installed, and only then titled as skipped
 * (a title saying "skipped" beside a test that ran and passed would mislead whoever reads the run).
 */
export function withKubectl(title: string, test: () => Promise<void> | void, timeout?: number): void {
  if (hasKubectl) it(title, test, timeout);
  else it.skip(`${title} (skipped: kubectl not installed)`, test);
}

/** The manifests `kubectl kustomize` renders from the kustomization in `dir`. */
export function kustomize(dir: string): string {
  return execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
}
