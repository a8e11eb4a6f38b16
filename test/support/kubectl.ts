/** A real kustomize (kubectl's), for the tests that check what it renders from an edited tree; they skip where it is not installed. */
import { execFileSync } from "node:child_process";

/** Whether a kubectl client runs here. */
export const hasKubectl = (() => {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** The manifests `kubectl kustomize` renders from the kustomization in `dir`. */
export function kustomize(dir: string): string {
  return execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
}
