/**
 * flux-kcl-controller's KCLRun objects (api/v1alpha1/kclrun_types.go) read as builds: each runs the
 * KCL package at its `spec.path` (the directory holding its kcl.mod, from the source's root, read as
 * this repository's root as a Flux Kustomization's `spec.path` is; the root when absent) with its
 * `spec.config.overrides` (`-O` specs) applied in memory, never written back. A field that every
 * KCLRun building its file sets by such a spec deploys no version of its own: a base whose image each
 * environment's KCLRun sets, the KCL counterpart of a base every kustomize build re-tags
 * (kustomizations.ts). Its `spec.params` and `arguments` are `-D` options the program reads with
 * `option()`, which set no field by path: they are not read here. Pure: texts in, lines out.
 */
import { posix } from "node:path";
import { SourceError } from "../change.js";
import { applyOverrides } from "../kcl/override.js";
import { tryYamlFile } from "../yaml/file.js";
import { KCL_RUN } from "../yaml/api-groups.js";
import { isKclRun, settingItems } from "../yaml/kcl-settings.js";
import { nodeAt, scalarText } from "../yaml/node.js";
import { fileKind } from "./file-kind.js";
import { repositoryPath, treeDirectory } from "./tree-path.js";

/** One KCLRun, as a build of the KCL files of its directory. */
export interface KclRun {
  /** The directory of the tree whose package it runs ("" for the tree's root); undefined for one outside the tree. */
  readonly directory: string | undefined;
  /** The paths its `-O` specs set (specSetting's: not a delete), as written. */
  readonly paths: readonly string[];
}

/** Cheap byte screen before any parse: every KCLRun names its API group. */
export function mayHoldKclRun(text: string): boolean {
  return text.includes(KCL_RUN);
}

/** The KCLRuns of a YAML text; none in one that does not parse. `treeRoot` is where the tree read sits in its repository. */
export function kclRunsIn(text: string, treeRoot: string): KclRun[] {
  const yaml = tryYamlFile(text);
  if (yaml === undefined) return [];
  return yaml.documents.filter(isKclRun).map((document) => ({
    directory: treeDirectory(repositoryPath(scalarText(nodeAt(document.root, ["spec", "path"])) ?? ""), treeRoot),
    paths: settingItems(document).flatMap((item) => (item.holds === "spec" ? (item.read(item.node.text)?.name ?? []) : [])),
  }));
}

/**
 * The lines of the KCL file at `path` (its text `text`) holding a string that every KCLRun building the
 * file sets by a spec; none when no KCLRun builds it. A KCLRun builds the `.k` files directly in its
 * directory, its package's own (a kcl.mod's entries elsewhere are not followed; a `_test.k` file is no
 * part of it). Each spec path is applied as KCL applies it (override.ts), with a value of its own, to
 * learn which strings it reaches.
 */
export function setByEveryKclRun(runs: readonly KclRun[], path: string, text: string): ReadonlySet<number> {
  if (fileKind(path) !== "kcl" || path.endsWith("_test.k")) return NONE;
  const directory = posix.dirname(path);
  const building = runs.filter((run) => run.directory === (directory === "." ? "" : directory));
  if (building.length === 0) return NONE;
  const reached = new Map<string, readonly number[]>();
  const linesOf = (spec: string) => reached.get(spec) ?? reached.set(spec, linesSetBy(text, spec)).get(spec)!;
  const [first, ...others] = building.map((run) => new Set(run.paths.flatMap(linesOf)));
  return new Set([...first!].filter((line) => others.every((lines) => lines.has(line))));
}

const NONE: ReadonlySet<number> = new Set();

/** What a computed override writes to learn where a spec reaches: no file holds it, so every string it reaches changes. */
const PROBE = "gitops-promote/set-by-a-kclrun";

/** The lines of the strings a spec path sets in a KCL text; none where the path is not there or reaches no string. */
function linesSetBy(text: string, spec: string): readonly number[] {
  try {
    return applyOverrides(text, [{ path: spec, value: () => PROBE }]).changes.map((change) => change.line);
  } catch (error) {
    // A path the file does not have, a config or list where a string would go, a file that does not parse: nothing set there.
    if (error instanceof SourceError) return [];
    throw error;
  }
}
