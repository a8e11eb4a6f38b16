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
 * A package builds the `.k` files of its kcl.mod's directory and those its `[profile] entries` name
 * (`prod/kcl.mod`'s `entries = ["../base/base.k", "main.k"]` builds `base/base.k`): kpm resolves
 * an entry from the kcl.mod's directory (pkg/client/run.go getCompileOptionsFromKclMod), `${KCL_MOD}`
 * standing for that directory; a directory entry builds the `.k` files in it (kclvm/driver
 * get_main_files_from_pkg_path), and `${name:KCL_MOD}`, another package's, is not followed (KclMods).
 */
import { posix } from "node:path";
import { SourceError, type Change, type Warning } from "../change.js";
import { modEntries, modOverrides, type ModEntry } from "../kcl/mod-overrides.js";
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
 * directory, its package's own, and those its kcl.mod's `[profile] entries` name (`listedBy`, KclMods.listing's
 * for the file); a `_test.k` file is no part of it. Each spec path is applied as KCL applies it (override.ts),
 * with a value of its own, to learn which strings it reaches.
 */
export function setByEveryKclRun(runs: readonly KclRun[], path: string, text: string, listedBy: readonly Listing[] = []): ReadonlySet<number> {
  if (fileKind(path) !== "kcl" || path.endsWith("_test.k")) return NONE;
  const building = runs.filter((run) => run.directory === directoryOf(path) || listedBy.some((listing) => listing.directory === run.directory));
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
 * Where an override of a KCL file (a `--set`, a configured override) writes a string that a spec kept for a
 * package building the file also sets (review kcl18 S4): the `[profile] overrides` of its directory's kcl.mod
 * or of one whose `[profile] entries` name it, or the `spec.config.overrides` of a KCLRun building it (of the
 * YAML `texts` read), in its directory or in one whose kcl.mod's entries name it. KCL applies those over the file
 * as it renders, so what the override wrote is not what deploys while the spec stays: said at its change,
 * naming each such spec and where it is, and the entry that brings the file into its package. The kcl.mods are
 * read through `mods` (once a run); one that cannot be read is no news here.
 */
export async function keptSpecsOver(planned: readonly Changed[], texts: ReadonlyMap<string, string>, treeRoot: string, mods: KclMods): Promise<Warning[]> {
  const overridden = planned.filter((file) => fileKind(file.path) === "kcl" && file.changes.some(isWritten));
  if (overridden.length === 0) return [];
  const runs = [...texts].flatMap(([file, text]) =>
    fileKind(file) === "yaml" && mayHoldKclRun(text) ? kclRunsIn(text, treeRoot).map((run) => ({ file, run })) : [],
  );
  const warnings: Warning[] = [];
  for (const { path, after, changes } of overridden) {
    const directory = directoryOf(path);
    const own = posix.join(directory, "kcl.mod");
    const listedBy = (await mods.listing(path)).filter((listing) => listing.mod !== own);
    const entry = ({ entry, line }: Listing) => `${JSON.stringify(entry)} at line ${line}`;
    const kept = [
      ...modSpecs(own, await mods.text(own)),
      ...(await Promise.all(listedBy.map(async (l) => modSpecs(l.mod, await mods.text(l.mod), `; its [profile] entries list ${entry(l)}`)))).flat(),
      ...runs.flatMap(({ file, run }) => {
        const listing = run.directory === directory ? undefined : listedBy.find((l) => l.directory === run.directory);
        const why = listing ? `; its ${listing.mod} lists ${entry(listing)}` : "";
        return run.directory === directory || listing
          ? run.specs.map((spec) => ({ ...spec, where: `${file}:${spec.line}, the spec.config.overrides of KCLRun ${run.name}${why}` }))
          : [];
      }),
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

/** The specs of a kcl.mod's `[profile] overrides` that set a string, with where they are (and `why` it builds the file); none for a text that cannot be read. */
function modSpecs(file: string, text: string | undefined, why = ""): (KeptSpec & { readonly where: string })[] {
  if (text === undefined) return [];
  try {
    return modOverrides(text).flatMap(({ path, spec, line, misplaced }) =>
      path === undefined || misplaced !== undefined ? [] : [{ path, spec, line, where: `${file}:${line}, [profile] overrides${why}` }],
    );
  } catch (error) {
    // An escape KCL's reader refuses: kcl run reads no spec of that kcl.mod, and the kcl.mod editor says so where it reads it.
    if (error instanceof SourceError) return [];
    throw error;
  }
}

/** A kcl.mod whose `[profile] entries` name a KCL file (itself or its directory): its package builds the file. */
export interface Listing {
  readonly mod: string;
  /** The kcl.mod's directory ("" for the tree's root), where a KCLRun building the package points. */
  readonly directory: string;
  /** The entry as written, and the line of its string. */
  readonly entry: string;
  readonly line: number;
}

/** The tree's kcl.mod files, each read at most once a run: their texts, and which of them list a KCL file in their entries. */
export interface KclMods {
  /** The kcl.mod's text; undefined where the tree has none or it is no UTF-8. */
  text(mod: string): Promise<string | undefined>;
  /** The kcl.mods whose `[profile] entries` name the file at `path`, of those in `directories` when given (all the tree's otherwise). */
  listing(path: string, directories?: ReadonlySet<string | undefined>): Promise<Listing[]>;
}

/** The tree's kcl.mod files (of `present`), read from `texts` when the run read them already, else from `source`, when first asked. */
export function kclModsOf(source: TreeSource, present: ReadonlySet<string>, texts: ReadonlyMap<string, string>): KclMods {
  const read = new Map<string, Promise<string | undefined>>();
  const entries = new Map<string, Promise<readonly ModEntryAt[]>>();
  const text = (mod: string): Promise<string | undefined> =>
    present.has(mod)
      ? once(read, mod, () => (texts.has(mod) ? Promise.resolve(texts.get(mod)) : source.read(mod).then(decodeUtf8)))
      : Promise.resolve(undefined);
  const entriesOf = (mod: string) => once(entries, mod, async () => resolvedEntries(mod, await text(mod)));
  const all = [...present].filter((path) => fileKind(path) === "kcl-mod");
  return {
    text,
    async listing(path, directories) {
      const mods = directories ? all.filter((mod) => directories.has(directoryOf(mod))) : all;
      const listed = await Promise.all(mods.map(async (mod) => (await entriesOf(mod)).filter((e) => e.resolved === path || e.resolved === directoryOf(path))));
      return listed.flatMap((found, i) => found.slice(0, 1).map(({ entry, line }) => ({ mod: mods[i]!, directory: directoryOf(mods[i]!), entry, line })));
    },
  };
}

/** The value of `key` in `cache`, made by `make` the first time it is asked for. */
function once<T>(cache: Map<string, T>, key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
}

/** An entry of a kcl.mod with the tree path it names. */
interface ModEntryAt {
  readonly entry: string;
  readonly line: number;
  readonly resolved: string;
}

/**
 * The entries of the kcl.mod at `mod` as tree paths: relative to its directory, as kpm joins them, `${KCL_MOD}` its
 * directory; none for one naming another package (`${name:KCL_MOD}`), an absolute path or one above the tree, nor for a
 * kcl.mod that cannot be read (kcl run refuses it whole).
 */
function resolvedEntries(mod: string, text: string | undefined): ModEntryAt[] {
  return entriesIn(text).flatMap(({ entry, line }) => {
    const relative = entry.replace(/^\$\{KCL_MOD\}(?=\/|$)/, ".");
    if (relative.startsWith("$") || posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return [];
    const joined = posix.join(directoryOf(mod), relative).replace(/\/+$/, "");
    if (joined === ".." || joined.startsWith("../")) return [];
    return [{ entry, line, resolved: joined === "." ? "" : joined }];
  });
}

/** The `[profile] entries` of a kcl.mod's text; none for one that cannot be read. */
function entriesIn(text: string | undefined): ModEntry[] {
  if (text === undefined) return [];
  try {
    return modEntries(text);
  } catch (error) {
    // An escape KCL's reader refuses: kcl run compiles nothing of that kcl.mod.
    if (error instanceof SourceError) return [];
    throw error;
  }
}

/** The tree directory of a path, "" for the root. */
function directoryOf(path: string): string {
  const directory = posix.dirname(path);
  return directory === "." ? "" : directory;
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
