/**
 * flux-kcl-controller's KCLRun objects (api/v1alpha1/kclrun_types.go) read as builds: each runs the
 * KCL package at its `spec.path` (the directory holding its kcl.mod, from the source's root, read as
 * this repository's root as a Flux Kustomization's `spec.path` is; the root when absent) with its
 * `spec.config.overrides` (`-O` specs) applied in memory, never written back. A field that every
 * KCLRun building its file sets by such a spec deploys no version of its own: a base whose image each
 * environment's KCLRun sets, the KCL counterpart of a base every kustomize build re-tags
 * (kustomizations.ts). Its `spec.params` and `arguments` are `-D` options the program reads with
 * `option()`, which set no field by path: they are not read here. The same specs, and a package's kcl.mod
 * `[profile] overrides`, decide over what an override writes in a file they build (keptSpecsOver).
 */
import { posix } from "node:path";
import { SourceError, type Change, type Warning } from "../change.js";
import { modOverrides } from "../kcl/mod-overrides.js";
import { applyOverrides } from "../kcl/override.js";
import { lineBreaks } from "../text/line-index.js";
import { tryYamlFile } from "../yaml/file.js";
import { KCL_RUN } from "../yaml/api-groups.js";
import { isKclRun, settingItems } from "../yaml/kcl-settings.js";
import { nodeAt, scalarText } from "../yaml/node.js";
import { fileKind } from "./file-kind.js";
import { decodeUtf8, type TreeSource } from "./source.js";
import { repositoryPath, treeDirectory } from "./tree-path.js";

/** A `-O` spec kept where KCL reads it as it renders a package: the path it sets a string at, as written, and its line. */
export interface KeptSpec {
  /** specSetting's: a spec that sets a string, not a delete. */
  readonly path: string;
  readonly spec: string;
  readonly line: number;
}

/** One KCLRun, as a build of the KCL files of its directory. */
export interface KclRun {
  /** The directory of the tree whose package it runs ("" for the tree's root); undefined for one outside the tree. */
  readonly directory: string | undefined;
  /** `namespace/name`, as a message names it. */
  readonly name: string;
  /** Its `spec.config.overrides` that set a string. */
  readonly specs: readonly KeptSpec[];
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
    name: [document.object.namespace, document.object.name].filter((part) => part).join("/"),
    specs: settingItems(document).flatMap(({ holds, node, read }) => {
      const path = holds === "spec" ? read(node.text)?.name : undefined;
      return path === undefined ? [] : [{ path, spec: node.text, line: yaml.lineAt(node.start) }];
    }),
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
  const [first, ...others] = building.map((run) => new Set(run.specs.flatMap((spec) => linesOf(spec.path))));
  return new Set([...first!].filter((line) => others.every((lines) => lines.has(line))));
}

const NONE: ReadonlySet<number> = new Set();

/** A file a run changed, as the plan has it. */
interface Changed {
  readonly path: string;
  readonly after: string;
  readonly changes: readonly Change[];
}

/**
 * Where an override of a KCL file (a `--set`, a configured override) writes a string that a spec kept for the
 * file's package also sets (review kcl18 S4): its directory's kcl.mod `[profile] overrides`, or the
 * `spec.config.overrides` of a KCLRun building it (of the YAML `texts` read). KCL applies those over the file
 * as it renders, so what the override wrote is not what deploys while the spec stays: said at its change,
 * naming each such spec and where it is. A kcl.mod not read yet is read from `source`; one that cannot be read is no news here.
 */
export async function keptSpecsOver(
  planned: readonly Changed[],
  texts: ReadonlyMap<string, string>,
  treeRoot: string,
  source: TreeSource,
  present: ReadonlySet<string>,
): Promise<Warning[]> {
  const overridden = planned.filter((file) => fileKind(file.path) === "kcl" && file.changes.some(isWritten));
  if (overridden.length === 0) return [];
  const runs = [...texts].flatMap(([file, text]) =>
    fileKind(file) === "yaml" && mayHoldKclRun(text) ? kclRunsIn(text, treeRoot).map((run) => ({ file, run })) : [],
  );
  const warnings: Warning[] = [];
  for (const { path, after, changes } of overridden) {
    const directory = posix.dirname(path) === "." ? "" : posix.dirname(path);
    const mod = posix.join(directory, "kcl.mod");
    const kept = [
      ...(present.has(mod) ? modSpecs(mod, texts.get(mod) ?? decodeUtf8(await source.read(mod))) : []),
      ...runs.flatMap(({ file, run }) =>
        run.directory === directory
          ? run.specs.map((spec) => ({ ...spec, where: `${file}:${spec.line}, the spec.config.overrides of KCLRun ${run.name}` }))
          : [],
      ),
    ].map((spec) => ({ ...spec, lines: linesSetBy(after, spec.path) }));
    for (const change of changes.filter(isWritten)) {
      const last = change.line + lineBreaks(change.new);
      const over = kept.filter((spec) => spec.lines.some((line) => line >= change.line && line <= last));
      if (over.length === 0) continue;
      const named = over.map((spec) => `${spec.spec} (${spec.where})`).join(" and ");
      warnings.push({
        file: path,
        line: change.line,
        message: `${change.key}: ${named} also sets it, and KCL applies ${over.length === 1 ? "that spec" : "those specs"} over this file as it renders, so the value written here is not what deploys; set ${over.length === 1 ? "that spec" : "those specs"} instead, or both`,
      });
    }
  }
  return warnings;
}

/** A change an override wrote a value by, which a kept spec may decide over. */
function isWritten(change: Change): boolean {
  return change.kind === "override" && change.op !== "delete";
}

/** The specs of a kcl.mod's `[profile] overrides` that set a string, with where they are; none for a text that cannot be read. */
function modSpecs(file: string, text: string | undefined): (KeptSpec & { readonly where: string })[] {
  if (text === undefined) return [];
  try {
    return modOverrides(text).flatMap(({ path, spec, line, misplaced }) =>
      path === undefined || misplaced !== undefined ? [] : [{ path, spec, line, where: `${file}:${line}, [profile] overrides` }],
    );
  } catch (error) {
    // An escape KCL's reader refuses: kcl run reads no spec of that kcl.mod, and the kcl.mod editor says so where it reads it.
    if (error instanceof SourceError) return [];
    throw error;
  }
}

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
