/**
 * Which files the engine edits, and the safety net that every edited file still parses.
 * Names follow Flux's reader (`.yaml`, `.yml`, a file named exactly `Kustomization`) plus KCL.
 */
import { SourceError } from "../change.js";
import { parseKcl } from "../kcl/parser.js";
import { parseYaml } from "../yaml/file.js";

export type FileKind = "yaml" | "kcl";

export function fileKind(path: string): FileKind | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base.endsWith(".yaml") || base.endsWith(".yml") || base === "Kustomization") return "yaml";
  if (base.endsWith(".k")) return "kcl";
  return undefined;
}

/**
 * A file the tree holds for its tools, not for a cluster: KCL's `*_test.k` test cases, whose
 * fixtures and asserts must stay as they are (`kcl run` leaves them out too). Edited only
 * when an override names one.
 */
export function isTestFile(path: string): boolean {
  return path.endsWith("_test.k");
}

/**
 * A Helm chart's template (`templates/` beside the chart's `Chart.yaml`): Go template text
 * Helm renders, most often not YAML until then, so one that does not parse is no news.
 */
export function isHelmTemplate(path: string, present: ReadonlySet<string>): boolean {
  const at = path.lastIndexOf("templates/");
  if (at < 0 || (at > 0 && path[at - 1] !== "/")) return false;
  return present.has(`${path.slice(0, at)}Chart.yaml`);
}

/**
 * The editors guarantee a splice never breaks a file; this re-parse of the (few) changed
 * files makes a broken guarantee an error instead of a broken commit.
 */
export function checkParses(kind: FileKind, path: string, text: string): void {
  const broken = (why: string) => new Error(`internal error: the edit of ${path} would not parse (${why}); nothing was written`);
  try {
    if (kind === "kcl") parseKcl(text);
    else parseYaml(text);
  } catch (error) {
    if (error instanceof SourceError) throw broken(error.message);
    throw error;
  }
}
