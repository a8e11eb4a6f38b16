/**
 * A tag Argo CD deploys while the source's values in this tree move it elsewhere. No editor sees
 * both files, so each is named at its line, with the override that sets it:
 * - a Helm source's lone tag parameter (`image.tag` with no `image.repository` beside it) whose
 *   repository the source's values give: the chart's `values.yaml` of a `path:` source, or a
 *   values file it lists (relative to that path, or `$ref/…` of a `ref:` source, read as this
 *   tree). Argo CD ranks parameters above every values file;
 * - a lone `tag:` in a values file the source lists after one giving that mapping an incoming
 *   repository (an environment's `values/prod.yaml` holding only `image: {tag: 1.4.0}`): Helm
 *   ranks a later values file above an earlier one; or in the source's `helm.valuesObject`, which
 *   Argo CD ranks above every values file (parameters > valuesObject > values > valueFiles), or in its
 *   `helm.values` string where no valuesObject is set, which is not edited: said at the string's line.
 * - a lone `tag:` in those values whose repository a layer ranked above it gives (a valuesObject's, values string's or
 *   parameter's `image.repository` over a values file holding `image: {tag: 1.4.0}`): Helm merges the two into one pair.
 * Only the tag Argo CD deploys is named: one under a tag ranked above it (a tag parameter, a later layer's `tag:`) is not.
 * A lone tag parameter through a list index (`images[0].tag`) over a list only the chart's values.yaml holds is named too
 * where the chart's item there holds an incoming repository: the list `--set` makes replaces the chart's, item and repository.
 * The parameters are those Argo CD deploys: a `.argocd-source.yaml` or `.argocd-source-<app>.yaml` at the source's path
 * that sets `helm.parameters` replaces the Application's, and its lone tag parameter is the one named.
 * Where that mapping's registry is one this run cannot read (a template, a mapping), the image is not known: such a
 * tag is named with the Helm editor's warning instead, where an incoming image may be the pair's and would move it.
 * Only files that name Argo CD, hold parameters, values files or values, and may read a values file
 * holding an incoming repository or spell one themselves (a pair in their values string) are parsed.
 */
import { posix } from "node:path";
import type { FieldWarning } from "../change.js";
import type { FieldNamer } from "../field-name.js";
import { normalizeRepository, repositoryPattern, type ImageRef } from "../image/reference.js";
import { isUnknownRegistry, pairName, splitImage, unknownRegistryImages } from "../image/split-image.js";
import { byRepository, nextVersion, versionOf, type ImageUpdate } from "../image/update.js";
import { ARGO, inGroup } from "../yaml/api-groups.js";
import { helmKeys, leafOf, parameterName, parametersAt, sourcesOf, valuesObjectAt } from "../yaml/argocd-parameters.js";
import { valuesStringNotEdited } from "../yaml/argocd-strings.js";
import { overrideAdvice } from "../yaml/argocd-unpaired.js";
import { tryYamlFile, type YamlDocument, type YamlFile } from "../yaml/file.js";
import type { HelmField } from "../yaml/helm.js";
import { isFlowScalar, nodeAt, scalarText, type YamlNode } from "../yaml/node.js";
import { fieldsAt, replacedOnTheWay, type MappingField } from "../yaml/merge-key.js";
import { formatPath, hasPrefix, samePath, type PathSegment } from "../yaml/path.js";
import { hasPlaceholder } from "../yaml/placeholder.js";
import { readRegistry } from "../yaml/registry.js";
import { forEachValue } from "../yaml/walk.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { lineAt } from "../text/line-index.js";
import { fileKind } from "./file-kind.js";
import { unknownRegistryTag, type UnknownRegistryPair } from "./unknown-registry-tag.js";

/**
 * `texts` are the files read (a chart's values may be outside the paths), `inScope` those the run
 * edits; `updatesFor(path)` the incoming images as the file's target lets them in (with its policy).
 */
export function warnLoneTagParameters(
  texts: ReadonlyMap<string, string>,
  inScope: (path: string) => boolean,
  updatesFor: (path: string) => readonly ImageUpdate[],
  warnings: FieldWarning[],
  fieldName?: FieldNamer,
): void {
  const values = new ValuesFiles(texts);
  const said = new Set<string>();
  // An environment's values file or a `.argocd-source.yaml` many Applications read is named once; a values string's tags, all at its one line, each.
  const say = (found: readonly FieldWarning[]) => {
    for (const warning of found) {
      const at = `${warning.file}:${warning.line}:${warning.message}`;
      if (!said.has(at)) warnings.push(warning);
      said.add(at);
    }
  };
  for (const [path, file, document] of applicationsReading(texts, values, updatesFor)) {
    const sources = sourcesOf(document).filter((source) => source.length > 0);
    for (const source of sources) {
      const layers = valuesLayers(values, valuesOf(document.root, source, sources, texts), path, file, document.root, source, fieldName);
      const deployed = deployedParameters(values, texts, path, file, document, source);
      if (inScope(deployed.path)) say(warnLoneParameters(deployed, layers, updatesFor(deployed.path)));
      say(loneValueTags(layers, parameterValues(deployed), inScope, updatesFor));
    }
  }
}

/**
 * The Helm parameters Argo CD deploys for a source, with the file (`path`, `text`) they are written in and whether the
 * values at `keys` pair a tag there with a repository (the source's `valuesObject`, merge keys read). Argo CD applies
 * the `.argocd-source.yaml` and then the `.argocd-source-<app>.yaml` of the source's path (Argo CD Image Updater's
 * write-back target) over the source as a JSON merge patch, which replaces a list whole: the last that sets
 * `helm.parameters` gives them all, and the Application's own are not deployed. A valuesObject such a file sets is read too.
 */
function deployedParameters(
  values: ValuesFiles,
  texts: ReadonlyMap<string, string>,
  path: string,
  file: YamlFile,
  document: YamlDocument,
  source: readonly PathSegment[],
): DeployedParameters {
  const own = (keys: readonly PathSegment[]) => valuesObjectAt(file, document.root, source, keys);
  const paired = (read: ((key: string) => MappingField | undefined) | undefined) => read !== undefined && splitImage(read).repository !== undefined;
  let deployed: DeployedParameters = {
    path,
    text: texts.get(path)!,
    file,
    root: document.root,
    parameters: parametersAt(document.root, source),
    paired: (keys) => paired(own(keys)),
  };
  for (const at of parameterFiles(document, source)) {
    const text = texts.get(at);
    const overriding = text === undefined ? null : values.fileOf(at, text);
    const root = overriding?.documents[0]?.root ?? null;
    if (text === undefined || !overriding || nodeAt(root, ["helm", "parameters"])?.kind !== "seq") continue;
    deployed = {
      path: at,
      text,
      file: overriding,
      root,
      parameters: parametersAt(root, []),
      paired: (keys) => paired(own(keys)) || paired(valuesObjectAt(overriding, root, [], keys)),
    };
  }
  return deployed;
}

/** The Helm parameters of a source as Argo CD deploys them, in the file at `path`; `paired(keys)`: a valuesObject gives the prefix a repository. */
interface DeployedParameters {
  readonly path: string;
  readonly text: string;
  /** `text` parsed, and the root of the document the parameters are in. */
  readonly file: YamlFile;
  readonly root: YamlNode | null;
  readonly parameters: readonly [string, HelmField][];
  paired(keys: readonly PathSegment[]): boolean;
}

/** The parameter override files Argo CD reads for an Application's source, in its order: `.argocd-source.yaml`, then `.argocd-source-<app>.yaml`, at the source's `path`. */
function parameterFiles(document: YamlDocument, source: readonly PathSegment[]): string[] {
  const { kind, apiVersion, name } = document.object;
  const directory = scalarText(nodeAt(document.root, [...source, "path"]));
  if (kind !== "Application" || !inGroup(apiVersion, ARGO) || directory === undefined) return [];
  const files = [".argocd-source.yaml", ...(name === undefined || hasPlaceholder(name) ? [] : [`.argocd-source-${name}.yaml`])];
  return inTree(files.map((file) => posix.join(directory, file)));
}

/**
 * The values files of this tree that an Application in `texts` lists, which `texts` lacks (the
 * screen read no file that spells no incoming repository): a lone tag in one is read from them.
 */
export function unreadValueFiles(
  texts: ReadonlyMap<string, string>,
  present: ReadonlySet<string>,
  updatesFor: (path: string) => readonly ImageUpdate[],
): string[] {
  const values = new ValuesFiles(texts);
  const unread = new Set<string>();
  for (const [, , document] of applicationsReading(texts, values, updatesFor)) {
    const sources = sourcesOf(document).filter((source) => source.length > 0);
    for (const source of sources)
      for (const path of [...listedPaths(document.root, source, sources), ...parameterFiles(document, source)])
        if (!texts.has(path) && present.has(path) && fileKind(path) === "yaml") unread.add(path);
  }
  return [...unread];
}

/** Whether an Application's text may set values over a values file's (parameters, valuesObject or values, a later values file): screened by its bytes. */
export function mayRankOverValues(text: string): boolean {
  return /parameters|valueFiles|values/.test(text);
}

/** Each document of an Application file that may read a values file holding an incoming repository, or spells one itself, with its path and file. */
function* applicationsReading(
  texts: ReadonlyMap<string, string>,
  values: ValuesFiles,
  updatesFor: (path: string) => readonly ImageUpdate[],
): Generator<[string, YamlFile, YamlDocument]> {
  for (const [path, text] of texts) {
    if (fileKind(path) !== "yaml" || !text.includes(ARGO) || !mayRankOverValues(text)) continue;
    const incoming = byRepository(updatesFor(path).filter((update) => update.image.tag !== undefined));
    // A pair its own values string gives (the repository in no values file) is one a tag parameter ranks above too.
    if (incoming.size === 0 || !(values.mayRead(text, incoming) || [...incoming.values()].some(({ image }) => repositoryPattern(image).test(text)))) continue;
    const file = tryYamlFile(text.replace(/^\uFEFF/, ""));
    if (!file) continue;
    for (const document of file.documents) yield [path, file, document];
  }
}

/** The source's lone tag parameters (as Argo CD deploys them, `deployed`) whose repository its values (`layers`, merged) give. */
function warnLoneParameters(deployed: DeployedParameters, layers: readonly ValuesLayer[], updates: readonly ImageUpdate[]): FieldWarning[] {
  const { path, text, parameters, paired } = deployed;
  // The parameters over the layers: one through a list index (`images[0].tag`) makes a list where the layers write none, which Helm does not merge with the chart's.
  const ranked = [...layers, parameterValues(deployed)];
  const incoming = byRepository(updates.filter((update) => update.image.tag !== undefined));
  if (layers.length === 0 || incoming.size === 0) return [];
  const found: FieldWarning[] = [];
  const siblings = parameters.map(([other]) => leafOf(other));
  for (const [name, field] of parameters) {
    const [prefix, leaf] = leafOf(name);
    if (leaf !== "tag" || !isFlowScalar(field.node) || hasPlaceholder(field.node.text)) continue;
    if (siblings.some(([p, l]) => p === prefix && REPOSITORY_KEYS.includes(l))) continue;
    const keys = helmKeys(prefix);
    // Read as Argo CD's Helm reads it: a repository merged in (`image: {<<: *defaults}`) pairs the tag too.
    if (paired(keys)) continue;
    const held = repositoryIn(ranked, keys, incoming, field.node.text, layers.length);
    const key = formatPath(field.path);
    const line = lineAt(text, field.node.start);
    const replaced = held ? undefined : chartListReplaced(layers, keys, prefix, incoming, field.node.text);
    if (replaced) {
      found.push({
        file: path,
        line,
        message: `${key} (parameter ${parameterName(name)}) ${replaced.why}`,
        about: { reason: "unmoved", image: replaced.repository },
      });
      continue;
    }
    if (held && "unknown" in held) {
      found.push(unknownRegistryTag(path, line, key, held));
      continue;
    }
    // A tag its policy would keep (a newer one, a release candidate under another range) is no news.
    if (!held || nextVersion(held, versionOf(field.node.text, undefined)) === undefined) continue;
    const { advice, about } = overrideAdvice(key, held.image.repository, { file: path, part: "tag" });
    found.push({
      file: path,
      line,
      message: `${key} (parameter ${parameterName(name)}) overrides the tag of ${held.image.repository} (${held.at}), as Argo CD ranks parameters above ${held.in}, and was not moved: ${advice}`,
      about,
    });
  }
  return found;
}

/** Keys beside a tag that make it no lone one: the Helm rule pairs them. */
const REPOSITORY_KEYS = ["repository", "name", "registry"];

/**
 * The pair a lone tag sets the tag of: an incoming image, with where its repository is written (`at`, in a layer of kind
 * `in`, `above` the tag's when ranked over it: a valuesObject's over a values file's tag), or one whose registry this run cannot read.
 */
type HeldPair = (ImageUpdate & { at: string; in: string; above: boolean }) | UnknownRegistryPair;

/**
 * A source's values read after its chart's, in Argo CD's order: each values file, then its `helm.values`
 * string or its `helm.valuesObject` (Argo CD reads the string only where no valuesObject is set), each
 * ranked above the values files. `values()` is where its values are, read when asked.
 */
interface ValuesLayer extends RankedValues {
  /** What is said at a lone tag (`node`, at `at` in the layer's values) of `held`, which an incoming image would move. */
  tell(at: readonly PathSegment[], node: YamlNode, held: HeldPair): FieldWarning;
}

/** Values Helm merges at their rank, read at a mapping: a values layer, or the source's parameters over them all. */
interface RankedValues {
  readonly path: string;
  /** The chart's own values.yaml (of a `path:` source), which Helm coalesces under every other layer rather than merging it in order. */
  readonly defaults?: boolean;
  /** What the layer is, as a parameter ranks above it: `values files`, `valuesObject`, `the values string`, `parameters`. */
  readonly kind: string;
  /** The document its fields are in, read when asked. */
  values(): LayerValues | undefined;
  /** How the mapping at `keys` reads its fields (undefined where none is written). */
  fields(keys: readonly PathSegment[]): ((key: string) => MappingField | undefined) | undefined;
  /** Whether it writes no mapping on the way to the one at `keys` (`image: null`, a reference): Helm replaces the mapping there, and deletes a key left null. */
  replaces(keys: readonly PathSegment[]): boolean;
  /** Whether it writes anything at `path` or on the way to it (`images: [...]`, `images: null`, a parameter `images[0].tag`). */
  writes(path: readonly PathSegment[]): boolean;
}

/** A layer's values written as YAML (`values()`), read at a mapping as YAML's merge keys read it. */
function yamlValues(values: () => LayerValues | undefined): Pick<RankedValues, "values" | "fields" | "replaces" | "writes"> {
  return {
    values,
    fields(keys) {
      const written = values();
      return written && fieldsAt(written.file, written.root, written.at, keys);
    },
    replaces(keys) {
      const written = values();
      return written !== undefined && replacedOnTheWay(written.file, written.root, written.at, keys);
    },
    writes(path) {
      const written = values();
      const key = path.at(-1);
      if (!written || key === undefined) return false;
      const { file, root, at } = written;
      return replacedOnTheWay(file, root, at, path) || (typeof key === "string" && fieldsAt(file, root, at, path.slice(0, -1))?.(key) !== undefined);
    },
  };
}

/**
 * The source's parameters as Argo CD deploys them, ranked above every values layer: a name sets the key its path reads
 * as Helm's `--set` reads it (the last of a name given twice), and a name on the way to a mapping (`image`) replaces it.
 */
function parameterValues({ path, file, root, parameters }: DeployedParameters): RankedValues {
  const named = parameters.map(([name, field]) => [helmKeys(name), field] as const);
  return {
    path,
    kind: "parameters",
    values: () => ({ file, root, at: [], line: (offset) => file.lineAt(offset) }),
    fields: (keys) => (key) => named.findLast(([set]) => samePath(set, [...keys, key]))?.[1],
    replaces: (keys) => named.some(([set]) => set.length > 0 && hasPrefix(keys, set)),
    writes: (path) => named.some(([set]) => set.length > 0 && (hasPrefix(set, path) || hasPrefix(path, set))),
  };
}

/** Why a lone tag (in a layer of `kind`) is that of `held`, whose repository a layer ranked above it gives (of kind `held.in`). */
function underRepository(held: ImageUpdate & { at: string; in: string }, kind: string): string {
  const merges = held.in === kind ? "Helm merges a values file listed later over it" : `Argo CD merges ${held.in} over ${kind}`;
  return `sets the tag of ${held.image.repository} (repository at ${held.at}), as ${merges}`;
}

/**
 * A layer's values: at `at` in the document of `file` whose root is `root`, which a merge key there
 * (`image: {<<: *defaults}`) reads its anchor from, as Argo CD's Helm reads the whole document.
 * `line` is the line a node's offset in `file` is said at.
 */
interface LayerValues {
  readonly file: YamlFile;
  readonly root: YamlNode | null;
  readonly at: readonly PathSegment[];
  line(offset: number): number;
}

/** The values of a file's first document (undefined when it is no YAML). */
function firstDocument(file: YamlFile | null | undefined): LayerValues | undefined {
  return file ? { file, root: file.documents[0]?.root ?? null, at: [], line: (offset) => file.lineAt(offset) } : undefined;
}

/**
 * Values written as YAML of `path` (`text`, which lines are counted in) at `within`: a lone tag is named
 * at its line with the override that sets it, `ranks` saying why it is deployed over the earlier pair.
 */
function fieldLayer(
  path: string,
  text: string,
  within: readonly PathSegment[],
  values: () => LayerValues | undefined,
  kind: string,
  ranks: string,
): ValuesLayer {
  return {
    path,
    kind,
    ...yamlValues(values),
    tell(at, node, held) {
      const key = formatPath([...within, ...at]);
      const line = lineAt(text, node.start);
      if ("unknown" in held) return unknownRegistryTag(path, line, key, held);
      const { advice, about } = overrideAdvice(key, held.image.repository, { file: path, part: "tag" });
      const why = held.above ? underRepository(held, kind) : `overrides the tag of ${held.image.repository} (${held.at}), ${ranks}`;
      return { file: path, line, message: `${key} ${why}, and was not moved: ${advice}`, about };
    },
  };
}

/**
 * The source's values layers after its values files (`valueFiles`, first): the `helm.valuesObject` of the Application
 * at `path` (`file`), or its `helm.values` string where none is set. A tag in the string is not edited, and no
 * override sets it: it is said at the string's line, with what to do instead.
 */
function valuesLayers(
  values: ValuesFiles,
  valueFiles: readonly [string, string][],
  path: string,
  file: YamlFile,
  root: YamlNode | null,
  source: readonly PathSegment[],
  fieldName: FieldNamer | undefined,
): ValuesLayer[] {
  const chart = scalarText(nodeAt(root, [...source, "path"]));
  const defaults = chart === undefined ? undefined : posix.join(chart, "values.yaml");
  const files = valueFiles.map(([at, text], index) => ({
    ...fieldLayer(at, text, [], () => firstDocument(values.fileOf(at, text)), "values files", "as Helm ranks a values file listed later above it"),
    ...(index === 0 && at === defaults && { defaults: true }),
  }));
  const object = [...source, "helm", "valuesObject"];
  if (nodeAt(root, object))
    return [
      ...files,
      fieldLayer(
        path,
        file.text,
        object,
        () => ({ file, root, at: object, line: (offset) => file.lineAt(offset) }),
        "valuesObject",
        "as Argo CD ranks valuesObject above values files",
      ),
    ];
  const string = [...source, "helm", "values"];
  const held = nodeAt(root, string);
  if (held?.kind !== "scalar" || held.text === "") return files;
  // Parsed once, when first asked: a lone tag's pair reads each of its fields through every layer.
  let parsed: { read: LayerValues | undefined } | undefined;
  const kind = "the values string";
  const layer: ValuesLayer = {
    path,
    kind,
    ...yamlValues(() => {
      const read = (parsed ??= { read: firstDocument(tryYamlFile(held.text)) }).read;
      // A field of the string is said at the string's line.
      return read && { ...read, line: () => file.lineAt(held.start) };
    }),
    tell(at, _node, pair) {
      const over =
        "unknown" in pair
          ? `over the tag of ${pair.repository}, whose ${pair.unknown.field} (line ${pair.unknown.line}) is not known here, as Argo CD ranks values above values files`
          : pair.above
            ? underRepository(pair, kind)
            : `over the tag of ${pair.image.repository}, ${pair.at}, as Argo CD ranks values above values files`;
      return {
        file: path,
        line: file.lineAt(held.start),
        message: valuesStringNotEdited(string, `${formatPath(at)} (${over})`, fieldName),
        about: { reason: "unmoved", image: "unknown" in pair ? pair.images[0]! : pair.image.repository },
      };
    },
  };
  return [...files, layer];
}

/**
 * The lone `tag:` fields of a source's values layers (in the run's paths) whose mapping, as Helm merges every layer and the
 * source's `parameters` over them, is an incoming repository's: one the layers below give (a chart's values.yaml under an
 * environment's `image: {tag: …}`) or one a layer above does (a valuesObject's `image: {repository: …}` over a values file's
 * tag). Only where nothing ranked above sets the tag or deletes it: a later layer's `tag:` there, or null, scalar or list
 * on the way (`image: null`, which Helm deletes the key for), a parameter setting the tag or a key on the way to it.
 */
function loneValueTags(
  layers: readonly ValuesLayer[],
  parameters: RankedValues,
  inScope: (path: string) => boolean,
  updatesFor: (path: string) => readonly ImageUpdate[],
): FieldWarning[] {
  const found: FieldWarning[] = [];
  const ranked = [...layers, parameters];
  layers.forEach(({ path, values: read, fields: fieldsOf, tell }, index) => {
    if (!inScope(path)) return;
    const incoming = byRepository(updatesFor(path).filter((update) => update.image.tag !== undefined));
    if (incoming.size === 0) return;
    const written = read();
    if (!written) return;
    forEachValue(nodeAt(written.root, written.at) ?? null, ({ node, path: at }) => {
      if (at[at.length - 1] !== "tag" || !isFlowScalar(node) || hasPlaceholder(node.text)) return;
      const keys = at.slice(0, -1);
      // A repository merged in (`image: {<<: *defaults, tag: …}`) is beside the tag as Helm reads it: no lone tag.
      const fields = fieldsOf(keys);
      if (!fields || [...REPOSITORY_KEYS, "image"].some((key) => fields(key) !== undefined)) return;
      // Argo CD deploys the tag ranked above it (named there, if anything is), or none where a layer above replaces the mapping, not this one: telling to move it is noise.
      if (ranked.slice(index + 1).some((above) => above.fields(keys)?.("tag") !== undefined || above.replaces(keys))) return;
      const held = repositoryIn(ranked, keys, incoming, node.text, index);
      // A tag its policy would keep (a newer one, a release candidate under another range) is no news.
      if (!held || (!("unknown" in held) && nextVersion(held, versionOf(node.text, undefined)) === undefined)) return;
      found.push(tell(at, node, held));
    });
  });
  return found;
}

/**
 * The tree's texts as values files: each parsed once, and, per incoming repository, what an
 * Application spells when it may read one of those that spell it. It can read one only when its text
 * spells the file's directory (a chart's `path:`, a `$ref/` path, or a parent of them reached by `../`)
 * or its last two segments (a `valueFiles` entry under a subdirectory, or through `../dir/`): one that
 * spells neither is not parsed.
 */
class ValuesFiles {
  private readonly spelling = new Map<string, RegExp | null>();
  private readonly files = new Map<string, YamlFile | null>();

  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  mayRead(application: string, incoming: ReadonlyMap<string, ImageUpdate>): boolean {
    return [...incoming.values()].some((update) => this.spellings(update.image)?.test(application) === true);
  }

  /** A values file parsed (null when it is no YAML): its first document's values, whose aliases it resolves. */
  fileOf(path: string, text: string): YamlFile | null {
    let file = this.files.get(path);
    if (file === undefined) this.files.set(path, (file = tryYamlFile(text.replace(/^\uFEFF/, "")) ?? null));
    return file;
  }

  /**
   * The directories and last two segments of the files spelling the repository, as one pattern (null:
   * none spells it). Built once, so an Application is one scan of its text: a search per file and
   * Application grew with both (quadratic in the tree's size).
   */
  private spellings(image: ImageRef): RegExp | null {
    let spelled = this.spelling.get(image.repository);
    if (spelled === undefined) {
      const pattern = repositoryPattern(image);
      const needles = new Set([...this.texts].flatMap(([path, text]) => (fileKind(path) === "yaml" && pattern.test(text) ? spellingsOf(path) : [])));
      spelled = needles.size === 0 ? null : new RegExp([...needles].map(escapeRegExp).join("|"));
      this.spelling.set(image.repository, spelled);
    }
    return spelled;
  }
}

/** What an Application that may read the file at `path` spells: its directory, or its last two segments. */
function spellingsOf(path: string): string[] {
  return [posix.dirname(path), path.slice(path.lastIndexOf("/", path.lastIndexOf("/") - 1) + 1)];
}

/** The paths of the values files a source reads, in Helm's order: a `path:` chart's values.yaml, then its valueFiles, `$ref/…` ones through the `ref:` source. */
function listedPaths(root: YamlNode | null, source: readonly PathSegment[], sources: readonly PathSegment[][]): string[] {
  const chart = scalarText(nodeAt(root, [...source, "path"]));
  const listed = nodeAt(root, [...source, "helm", "valueFiles"]);
  const names = listed?.kind === "seq" ? listed.items.map(scalarText) : [];
  const paths = chart === undefined ? [] : [posix.join(chart, "values.yaml")];
  for (const name of names) {
    if (name === undefined || name.includes("://")) continue;
    const ref = /^\$([\w-]+)\/(.*)$/.exec(name);
    if (ref && sources.some((s) => scalarText(nodeAt(root, [...s, "ref"])) === ref[1])) paths.push(posix.normalize(ref[2]!));
    else if (!ref && chart !== undefined) paths.push(posix.join(chart, name));
  }
  return inTree(paths);
}

/** Of paths an Application names (joined to its `path:`, or normalised), those in the tree, without a leading `./`: one climbing above its root (`..`) is none. */
function inTree(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (path.startsWith("..") ? [] : [path.replace(/^\.\//, "")]));
}

/** The values files of this tree a source reads, with their texts, in Helm's order. */
function valuesOf(
  root: YamlNode | null,
  source: readonly PathSegment[],
  sources: readonly PathSegment[][],
  texts: ReadonlyMap<string, string>,
): [string, string][] {
  return listedPaths(root, source, sources).flatMap((path) => {
    const text = texts.get(path);
    return text === undefined ? [] : [[path, text] as [string, string]];
  });
}

/**
 * The incoming repository the values `layers` give at `keys`, merged as Helm merges them, key by key, a later layer's
 * field over an earlier one's (a later values file's `repository` is the pair's, beside an earlier one's `registry`), and
 * where; or a pair there whose registry this run cannot read, where an incoming image may be it and would move a tag at `tag`.
 * `from` is the index of the tag's own layer among them, when they include layers ranked above it.
 */
function repositoryIn(
  layers: readonly RankedValues[],
  keys: readonly PathSegment[],
  incoming: ReadonlyMap<string, ImageUpdate>,
  tag: string,
  from = layers.length,
): HeldPair | undefined {
  const { repository, registry } = splitImage((key) => mergedField(layers, keys, key));
  const node = repository?.field.node;
  const written = scalarText(node);
  if (!repository || !node || written === undefined) return undefined;
  // Beside a registry this run cannot read (a mapping, a template), no image it knows, which a tag over it is told; an alias reads as its anchored string.
  const at = registry?.field.node;
  const read = registry && at ? readRegistry(registry.values.file, registry.values.root, at) : undefined;
  if (registry && at && isUnknownRegistry(read)) {
    const images = unknownRegistryImages(written, incoming.values(), { tag, digest: undefined });
    const { values, field, path } = registry;
    const unknown = {
      field: `${formatPath(field.path)} in ${path}`,
      line: values.line(at.start),
      written: values.file.text.slice(at.start, at.end),
      why: read.unknown,
    };
    return images.length === 0 ? undefined : { repository: written, images, unknown };
  }
  const update = incoming.get(normalizeRepository(pairName(read, written) ?? "") ?? "");
  return update && { ...update, at: `${repository.path}:${repository.values.line(node.start)}`, in: repository.kind, above: repository.index > from };
}

/**
 * A field of the mapping at `keys` as the last of `layers` that writes it (its own or merged in) gives it, with that layer's
 * path and values, under a layer above them that writes a mapping there (the lone tag's). Helm merges the values files,
 * string or valuesObject and parameters in order, a layer writing no mapping on the way (`image: null`,
 * `image: ghcr.io/x:1`) replacing the earlier ones' mapping whole, and only then coalesces the chart's own values.yaml
 * under the result: a mapping there still takes its fields, a list none. `keys` may index a list (`images.0`, a parameter's
 * `images[0]`), which a layer writes whole, or a parameter into the one the layers below give (Helm's strvals).
 */
function mergedField(
  layers: readonly RankedValues[],
  keys: readonly PathSegment[],
  key: string,
): { readonly path: string; readonly kind: string; readonly index: number; readonly values: LayerValues; readonly field: MappingField } | undefined {
  // A list the others write on the way (a values file's `images: [...]`, or the one a parameter `images[0].tag` makes where none
  // does) is deployed whole: Helm coalesces no list into the chart's.
  const listed = listAbove(layers, keys);
  const chart = layers[0]?.defaults === true;
  for (let i = layers.length - 1; i >= (chart && listed ? 1 : 0); i--) {
    const layer = layers[i]!;
    const field = layer.fields(keys)?.(key);
    const values = field && layer.values();
    if (field && values) return { path: layer.path, kind: layer.kind, index: i, values, field };
    if (layer.replaces(keys)) {
      if (i === 0 || !chart || listed) return undefined;
      // On to the chart's values.yaml (layers[0]), which the loop reads next.
      i = 1;
    }
  }
  return undefined;
}

/** Whether `keys` index a list (`images.0`) that a layer above the first (a chart's values.yaml) writes, or writes on the way to. */
function listAbove(layers: readonly RankedValues[], keys: readonly PathSegment[]): boolean {
  const list = keys.findIndex((segment) => typeof segment === "number");
  return list >= 0 && layers.slice(1).some((layer) => layer.writes(keys.slice(0, list)));
}

/**
 * The incoming repository of the chart's values.yaml (`layers[0]`) at `keys`, through a list index (`images.0`), that a lone
 * tag parameter there (`images[0].tag`) drops from what is deployed: where no values layer writes that list, Helm's strvals
 * makes one of its own from the parameters, its item holding the tag alone, and Helm replaces the chart's list with it
 * (it merges mappings, not lists). `why` says so after the parameter's name, with the parameters (at `prefix`, the
 * tag's, `images[0]`) that give the item its image as the chart writes it.
 */
function chartListReplaced(
  layers: readonly ValuesLayer[],
  keys: readonly PathSegment[],
  prefix: string,
  incoming: ReadonlyMap<string, ImageUpdate>,
  tag: string,
): { readonly repository: string; readonly why: string } | undefined {
  const chart = layers[0];
  const list = keys.findIndex((segment) => typeof segment === "number");
  if (!chart?.defaults || list < 0 || listAbove(layers, keys)) return undefined;
  const held = repositoryIn([chart], keys, incoming, tag);
  if (!held || "unknown" in held) return undefined;
  const { repository, registry } = splitImage((key) => chart.fields(keys)?.(key));
  // The fields as the chart's item writes them (`registry` beside `repository`, or `name`), which its template reads.
  const given = [registry, repository].flatMap((field) => {
    const written = field && scalarText(field.node);
    return field && written !== undefined ? [`${parameterName(`${prefix}.${String(field.path.at(-1))}`)}=${parameterName(written)}`] : [];
  });
  const { repository: name } = held.image;
  return {
    repository: name,
    why:
      `replaces the chart's ${formatPath(keys.slice(0, list))} list whole, as Helm's --set makes one of its own and merges no list into the chart's values.yaml: ` +
      `${name}, the repository of the chart's item (${held.at}), is not deployed with the tag, and it was not moved; ` +
      `give the repository as a parameter too (${given.join(", ")}), and the run moves the tag with it`,
  };
}
