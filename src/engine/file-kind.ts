/**
 * Which files the engine edits, and the safety net that every edited file still parses.
 * Names follow Flux's reader (`.yaml`, `.yml`, a file named exactly `Kustomization`) plus KCL:
 * `.k` files, and a package's `kcl.mod`, whose `[profile] overrides` `kcl run` applies after the source.
 */
import { SourceError } from "../change.js";
import { modOverrides } from "../kcl/mod-overrides.js";
import { parseKcl } from "../kcl/parser.js";
import { parseYaml } from "../yaml/file.js";
import { byFlag, type FieldNamer } from "../field-name.js";

export type FileKind = "yaml" | "kcl" | "kcl-mod";

export function fileKind(path: string): FileKind | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base.endsWith(".yaml") || base.endsWith(".yml") || base === "Kustomization") return "yaml";
  if (base.endsWith(".k")) return "kcl";
  if (base === "kcl.mod") return "kcl-mod";
  return undefined;
}

/**
 * Whether the file's Flux markers are read: a kcl.mod's TOML comments are no place Flux or an
 * editor here reads one (its overrides move by repository only).
 */
export function readsMarkers(path: string): boolean {
  return fileKind(path) !== "kcl-mod";
}

/**
 * Why a kcl.mod is no file an override (`--set`, configured) names: its `[profile] overrides`
 * are TOML strings holding specs, of which only the images are moved, by repository. `name` says
 * the set as the request's face does (`--set`, `input set`).
 */
export function kclModNotSet(name: FieldNamer = byFlag): string {
  return `a kcl.mod is not a file ${name("set")} or an override edits (not supported): the images its [profile] overrides hold move by repository with the incoming image, and anything else there is edited by hand`;
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
 * files makes a broken guarantee an error instead of a broken commit. A kcl.mod is TOML, of
 * which only the strings of `[profile] overrides` change: it reads as before when they are the
 * same strings holding specs of the same paths (a string ended early would split or shift them).
 */
export function checkParses(kind: FileKind, path: string, before: string, after: string): void {
  const broken = (why: string) => new Error(`internal error: the edit of ${path} would not parse (${why}); nothing was written`);
  try {
    if (kind === "kcl-mod") {
      if (specsOf(after) !== specsOf(before)) throw broken("its [profile] overrides would read otherwise");
    } else if (kind === "kcl") parseKcl(after);
    // A file only an override names (no kind of its own) is edited as YAML.
    else parseYaml(after);
  } catch (error) {
    if (error instanceof SourceError) throw broken(error.message);
    throw error;
  }
}

/** What each spec of a kcl.mod's `[profile] overrides` is, for a comparison: its line, its path, whether its value is a string. */
function specsOf(text: string): string {
  return JSON.stringify(modOverrides(text).map((o) => [o.line, o.path, "form" in o.value]));
}
