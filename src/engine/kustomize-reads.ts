/**
 * The planner's reads of the tree's kustomize builds: every kustomization and the patch files they name,
 * read once when first needed; which bare images kustomizations tag (kustomizations.ts), and the lone Helm
 * tags their patches write over a base HelmRelease (kustomize-patches.ts), with what they say of either.
 */
import type { Change, FieldWarning } from "../change.js";
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import { andList } from "../text/and-list.js";
import type { Config, Target } from "./config.js";
import { fileKind } from "./file-kind.js";
import { kustomizeTagged, mayHoldBareImage, taggersWords, type FirstFiles } from "./kustomizations.js";
import { isKustomizationFile } from "../yaml/kustomize.js";
import { mayHoldDeployer, patchFilesOf, type KustomizeTree } from "./kustomize-graph.js";
import {
  isJsonPatchFile,
  jsonPatchWarnings,
  mayHoldHelmRelease,
  patchedTags,
  type MergedOverBase,
  type PairedTags,
  type PatchRun,
} from "./kustomize-patches.js";
import { overrideNamesField, type RequestedOverride } from "./overrides.js";
import type { TextFile, TreeSource } from "./source.js";
import { screenFor } from "./screen.js";
import { readScreened } from "./tree-reads.js";

/** What the readers read of a run (plan.ts's RunContext). */
export interface KustomizeRun extends Omit<PatchRun, "overridden"> {
  readonly source: TreeSource;
  readonly present: ReadonlySet<string>;
  readonly config: Pick<Config, "overrides"> | undefined;
  readonly overridesByFile: ReadonlyMap<string, readonly RequestedOverride[]>;
  /** The target a file belongs to among all configured. */
  readonly ownerOf: (path: string) => Pick<Target, "name"> | undefined;
}

/**
 * Every kustomization file of the tree, the patch files they name, and the files read that may hold
 * a deployer tagging an image: the screened texts first, the files the screen did not keep read
 * again, with the same bounded parallelism (a tree may hold thousands); one that is not UTF-8 is
 * left out, as the screen leaves it out of every edit. Read when a run first needs them, once,
 * into the one KustomizeTree every question about the tree's builds reads; without `patches`, the
 * patch files' texts are left out (none), for what asks only where the builds go.
 */
export function kustomizationsIn(
  source: TreeSource,
  files: readonly string[],
  texts: ReadonlyMap<string, string>,
  treeRoot: string,
): (patches?: boolean) => Promise<KustomizeTree> {
  let reading: Promise<KustomizeTree> | undefined;
  const textsOf = async (paths: readonly string[]): Promise<TextFile[]> => {
    const unread = paths.filter((file) => !texts.has(file));
    const again = await readScreened(source, unread, () => true, []);
    const reread = new Map(unread.flatMap((file, i) => (again[i] === undefined ? [] : [[file, again[i]!] as const])));
    return paths.flatMap((file) => {
      const text = texts.get(file) ?? reread.get(file);
      return text === undefined ? [] : [{ file, text }];
    });
  };
  let building: Promise<KustomizeTree> | undefined;
  const readBuilds = async (): Promise<KustomizeTree> => {
    const read = await textsOf(files.filter(isKustomizationFile));
    const deployers = [...texts].flatMap(([file, text]) => (fileKind(file) === "yaml" && mayHoldDeployer(file, text) ? [{ file, text }] : []));
    return { kustomizations: read, deployers, patches: new Map(), files, treeRoot };
  };
  const readAll = async (): Promise<KustomizeTree> => {
    const tree = await (building ??= readBuilds());
    const listed = new Set(files);
    // A patch file written as JSON is YAML to kustomize: read as its other patch files are (isJsonPatchFile).
    const patches = await textsOf(patchFilesOf(tree.kustomizations).filter((file) => listed.has(file) && (fileKind(file) === "yaml" || isJsonPatchFile(file))));
    return { ...tree, patches: new Map(patches.map(({ file, text }) => [file, text])) };
  };
  // Finding the patch files parses every kustomization naming one, which namespacesOf, reading those above a file only, spares.
  return (patches = true) => (patches ? (reading ??= readAll()) : (building ??= readBuilds()));
}

/**
 * Which files' bare images kustomizations tag (kustomizations.ts), from every kustomization of
 * the tree (bases usually live outside the promoted path); worked out only when a file to edit
 * may hold a bare image of an incoming repository, which few runs meet. Left silently where a
 * kustomization this run edits sets the version; where all of them are outside the paths, the
 * bare image says so (the run changes nothing for it). Under targets, another target's
 * kustomization does not decide a file's version: where only such ones tag it, the bare image
 * is pinned, and `elsewhere` says so at it (warnTaggedElsewhere).
 */
export async function kustomizeTaggedIn(
  kustomizations: ReturnType<typeof kustomizationsIn>,
  texts: ReadonlyMap<string, string>,
  images: readonly ImageRef[],
  run: Pick<KustomizeRun, "inScope" | "ownerOf">,
): Promise<KustomizeTagged> {
  const { inScope } = run;
  const repositories = new Set(images.map((image) => image.repository));
  // The screened texts are few, the listing is every file: look at them first.
  if (repositories.size === 0 || ![...texts].some(([path, text]) => inScope(path) && mayHoldBareImage(text, repositories))) return NOT_TAGGED;
  const owners = { ownerOf: (path: string) => run.ownerOf(path)?.name, edited: inScope };
  const outside = (name: string, by: FirstFiles) =>
    `holds ${name} with no tag or digest, so its version is set by the images: of ${taggersWords(by)}, outside the paths; left as it is`;
  const left = new Map<string, Map<string, string | undefined>>();
  const elsewhere = new Map<string, Map<string, ReadonlyMap<string, FirstFiles>>>();
  for (const [file, names] of kustomizeTagged(await kustomizations(), images, owners)) {
    for (const [name, { by, edited, elsewhere: others }] of names) {
      if (by.first.length === 0) setIn(elsewhere, file, name, others);
      else setIn(left, file, name, edited ? undefined : outside(name, by));
    }
  }
  return { left, elsewhere };
}

/**
 * The lone Helm tags kustomize patches write over their base HelmRelease's pair, to edit as that pair's
 * (kustomize-patches.ts), with the patch files read into `texts`; worked out only where a file read may hold
 * a HelmRelease, which few runs meet. A patch's own repository merged over its base's registry is put in `mergedOver`.
 * A version this run would move in a patch file written as JSON is said in `warnings` (jsonPatchWarnings).
 */
export async function pairedTagsIn(
  kustomizations: ReturnType<typeof kustomizationsIn>,
  texts: Map<string, string>,
  run: KustomizeRun,
  warnings: FieldWarning[],
  mergedOver: MergedOverBase[],
): Promise<PairedTags> {
  const overridden = (file: string, field: string) => overrideNamesField(file, field, run.overridesByFile.get(file) ?? [], run.config?.overrides ?? []);
  // A version in a patch file written as JSON, which no editor edits, is said instead: the builds read only where such a file may hold one.
  const jsons = await jsonPatchCandidates(run);
  if (jsons.size > 0) jsonPatchWarnings({ ...run, overridden }, await kustomizations(), jsons, warnings);
  if (![...texts.values()].some(mayHoldHelmRelease)) return new Map();
  const read = async (path: string) =>
    texts.get(path) ?? (run.present.has(path) && fileKind(path) === "yaml" ? (await readScreened(run.source, [path], () => true, []))[0] : undefined);
  const paired = await patchedTags({ ...run, overridden }, await kustomizations(), read, warnings, mergedOver);
  for (const file of paired.keys()) {
    const text = await read(file);
    if (text !== undefined) texts.set(file, text);
  }
  return paired;
}

/**
 * The `.json` files this run edits that may be patch files setting an incoming image's version (jsonPatchWarnings):
 * in a tree with a kustomization, those the repository screen every candidate file goes through keeps. Most `.json`
 * files (a `package.json`, a Grafana dashboard) hold no incoming repository: reading them is cheaper than reading
 * and parsing every kustomization for their sake.
 */
async function jsonPatchCandidates(run: KustomizeRun): Promise<ReadonlySet<string>> {
  const paths = [...run.present].filter((path) => isJsonPatchFile(path) && run.inScope(path));
  if (paths.length === 0 || ![...run.present].some(isKustomizationFile)) return new Set();
  const screen = screenFor(run.valid.images).yaml;
  const read = await readScreened(run.source, paths, (_, text) => screen.test(text), []);
  return new Set(paths.filter((_, i) => read[i] !== undefined));
}

/** kustomizeTaggedIn's answer: per file, the names left to kustomizations (with the reason said, if any), and those only other targets' kustomizations tag, by target. */
export interface KustomizeTagged {
  readonly left: ReadonlyMap<string, ReadonlyMap<string, string | undefined>>;
  readonly elsewhere: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, FirstFiles>>>;
}

const NOT_TAGGED: KustomizeTagged = { left: new Map(), elsewhere: new Map() };

function setIn<V>(map: Map<string, Map<string, V>>, file: string, name: string, value: V): void {
  const names = map.get(file) ?? new Map<string, V>();
  map.set(file, names.set(name, value));
}

/**
 * At each bare image a file's target pinned that only other targets' kustomizations tag (`elsewhere`, by name):
 * which, and why their entries did not keep it bare, as the outside-the-paths reason names them.
 */
export function warnTaggedElsewhere(
  changes: readonly Change[],
  elsewhere: ReadonlyMap<string, ReadonlyMap<string, FirstFiles>> | undefined,
  target: string | undefined,
  warnings: FieldWarning[],
): void {
  if (!elsewhere) return;
  for (const change of changes) {
    const ref = tryParseImageRef(change.old);
    const others = ref && ref.tag === undefined && ref.digest === undefined ? elsewhere.get(ref.name) : undefined;
    if (!ref || !others) continue;
    const by = andList([...others].map(([owner, files]) => `${taggersWords(files)} (target ${owner})`));
    warnings.push({
      file: change.file,
      line: change.line,
      message: `${change.key} holds ${ref.name} with no tag or digest, whose version the images: of ${by} set, outside ${target ? `target ${target}'s` : "its target's"} paths: another target's kustomization does not decide this one's version, so it is pinned as without it`,
    });
  }
}
