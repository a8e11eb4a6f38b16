/**
 * Where Argo CD's overrides of a source are read, and its Helm parameters as names and values:
 * shared by the editors (argocd.ts), their warnings (argocd-unpaired.ts, argocd-strings.ts),
 * the lone tag parameters of chart-tags.ts and the configured overrides that name a parameter by
 * index (misaimedOverride, for engine/overrides.ts). Nothing here edits.
 */
import type { Warning } from "../change.js";
import { normalizeRepository, tryParseImageRef } from "../image/reference.js";
import type { OverrideImage } from "../kcl/override.js";
import { readsAsTag } from "./argocd-unpaired.js";
import type { YamlDocument, YamlFile } from "./file.js";
import type { HelmField } from "./helm.js";
import { fieldsAt, type MappingField } from "./merge-key.js";
import { mapValue, nodeAt, scalarText, type YamlNode } from "./node.js";
import { parsePath, type PathSegment } from "./path.js";
import { ARGO, inGroup } from "./api-groups.js";

/** A string of an Argo CD source's (or parameter override file's) `kustomize.images`, as the engine's fieldKey writes its path (`a.0.b`). */
export const ARGO_KUSTOMIZE_IMAGE = /(?:^|\.)kustomize\.images\.\d+$/;

/**
 * The paths of a document's sources: an Application's `source` and each of its `sources`
 * (an ApplicationSet's under its template), or the top of a parameter override file, a
 * document without apiVersion and kind (the empty path), which may also be values of the
 * argocd-apps chart.
 */
export function sourcesOf(document: YamlDocument): PathSegment[][] {
  const { apiVersion, kind } = document.object;
  if (apiVersion === undefined && kind === undefined) return [[], ...chartSources(document.root)];
  if (!inGroup(apiVersion, ARGO)) return [];
  const spec = kind === "Application" ? ["spec"] : kind === "ApplicationSet" ? ["spec", "template", "spec"] : undefined;
  return spec ? specSources(document.root, spec) : [];
}

/** The sources of the Application spec at `spec`: its `source` and each of its `sources`. */
function specSources(root: YamlNode | null, spec: readonly PathSegment[]): PathSegment[][] {
  const sources = nodeAt(root, [...spec, "sources"]);
  const many = sources?.kind === "seq" ? sources.items.map((_, i) => [...spec, "sources", i]) : [];
  return [[...spec, "source"], ...many];
}

/**
 * The sources in values of the argocd-apps Helm chart, which renders each entry of
 * `applications` as an Application spec and of `applicationsets` as an ApplicationSet spec
 * (entries by name since chart 2.0, a list before).
 */
function chartSources(root: YamlNode | null): PathSegment[][] {
  const specs: PathSegment[][] = [];
  for (const [list, spec] of [
    ["applications", []],
    ["applicationsets", ["template", "spec"]],
  ] as const) {
    const entries = nodeAt(root, [list]);
    if (entries?.kind === "map") for (const pair of entries.pairs) specs.push([list, scalarText(pair.key) ?? "", ...spec]);
    if (entries?.kind === "seq") entries.items.forEach((_, i) => specs.push([list, i, ...spec]));
  }
  return specs.flatMap((spec) => specSources(root, spec));
}

const PARAMETER_KEYS = new Set(["name", "value", "forceString", "forcestring"]);

/**
 * A source's Helm parameters as [name, value field], in order. A parameter override file's
 * list counts only when every item is a parameter (a values file may have a `helm:` key).
 */
export function parametersAt(root: YamlNode | null, source: readonly PathSegment[]): [string, HelmField][] {
  const path = [...source, "helm", "parameters"];
  const list = nodeAt(root, path);
  if (list?.kind !== "seq") return [];
  const isParameter = (item: YamlNode) => item.kind === "map" && item.pairs.every((pair) => PARAMETER_KEYS.has(scalarText(pair.key) ?? ""));
  if (source.length === 0 && !list.items.every(isParameter)) return [];
  const parameters: [string, HelmField][] = [];
  list.items.forEach((item, index) => {
    if (item.kind !== "map") return;
    const name = scalarText(mapValue(item, "name"));
    const value = mapValue(item, "value");
    if (name !== undefined && value !== undefined) parameters.push([name, { node: value, path: [...path, index, "value"], inFlow: list.flow || item.flow }]);
  });
  return parameters;
}

/**
 * How the mapping at `keys` under a source's `helm.valuesObject` reads its fields, each key on the way
 * read as YAML's merge reads it (fieldsAt): `image: {<<: *defaults}` holds the `repository` of `defaults`.
 * Undefined where no mapping is. Its fields are read, not written: a mapping on the way may be one every mapping merging it shares.
 */
export function valuesObjectAt(
  file: YamlFile,
  root: YamlNode | null,
  source: readonly PathSegment[],
  keys: readonly PathSegment[],
): ((key: string) => MappingField | undefined) | undefined {
  return fieldsAt(file, root, source, ["helm", "valuesObject", ...keys]);
}

/**
 * A parameter's name as a message quotes it: as written when it is a plain Helm path
 * (`image.tag`, `a\\.b`, `list[0].x`), else JSON-quoted, so that it cannot carry a line break or markup into a log.
 */
export function parameterName(name: string): string {
  return /^[\w.\\[\]/-]+$/.test(name) ? name : JSON.stringify(name);
}

/** `image.tag` -> [`image`, `tag`]; a dot escaped for Helm (`a\.b`) is part of a key, as helmKeys reads it. */
export function leafOf(name: string): [prefix: string, leaf: string] {
  const dot = separators(name).at(-1);
  return dot === undefined ? ["", name] : [name.slice(0, dot), name.slice(dot + 1)];
}

/**
 * The values keys a Helm `--set` name (or a prefix of one) sets, as Helm's strvals reads it, which Argo CD passes
 * parameters to: a backslash makes the next character part of the key (`kubernetes\.io/role` is one key,
 * `a\\.b` two), `.` separates keys and `[n]` is a list index (`list[0].x`). The empty name sets none.
 */
export function helmKeys(name: string): PathSegment[] {
  if (name === "") return [];
  const keys: PathSegment[] = [];
  let key = "";
  // Right after `[n]`, whose key is already given: a `.` or the end adds none.
  let indexed = false;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const index = c === "[" ? /^\[(\d+)\]/.exec(name.slice(i)) : null;
    if (index) {
      if (!indexed) keys.push(key);
      keys.push(Number(index[1]));
      i += index[0].length - 1;
      [key, indexed] = ["", true];
    } else if (c === ".") {
      if (!indexed) keys.push(key);
      [key, indexed] = ["", false];
    } else {
      key += c === "\\" && i + 1 < name.length ? name[++i] : c;
      indexed = false;
    }
  }
  if (!indexed) keys.push(key);
  return keys;
}

/** Where a Helm name's keys are separated: each `.` not escaped by a backslash (itself unescaped). */
function separators(name: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "\\") i++;
    else if (name[i] === ".") at.push(i);
  }
  return at;
}

/**
 * The Helm parameter whose value a path names by index (`spec.source.helm.parameters[3].value`), in
 * the first document that has it, as a path is set: its name, value and where the value is; undefined for any other path.
 */
function indexedParameter(
  file: YamlFile,
  path: readonly PathSegment[],
): { readonly name: string; readonly value: YamlNode | null; readonly start: number } | undefined {
  const [helm, parameters, index, leaf] = path.slice(-4);
  if (helm !== "helm" || parameters !== "parameters" || typeof index !== "number" || leaf !== "value") return undefined;
  for (const { root } of file.documents) {
    const item = nodeAt(root, path.slice(0, -1));
    if (item?.kind !== "map") continue;
    const value = mapValue(item, "value");
    if (value === undefined) continue;
    const name = scalarText(mapValue(item, "name"));
    return name === undefined ? undefined : { name, value, start: (value ?? item).start };
  }
  return undefined;
}

/** Whether a path may name a Helm parameter's value by index: screened by its text before a file is parsed for misaimedOverride. */
export function mayNameParameter(path: string): boolean {
  return /parameters\[\d+\]\.value$/.test(path);
}

/**
 * Why a configured override that names an Argo CD Helm parameter by index (`spec.source.helm.parameters[3].value`)
 * is not applied, at the parameter: it does not read as what the override sets. A parameter added above the one
 * the override was written for moves what its index names, and a tag written into `replicaCount` breaks the app.
 * For a tag, the parameter holds no version and is not named like one (as warnUnpairedRepositories, which advises
 * such overrides, reads it); for a whole reference, it holds none of the image and is not named like one.
 * Undefined when the path names no parameter by index, or one that reads as what the override sets.
 */
export function misaimedOverride(file: YamlFile, path: string, { part, repository, image }: OverrideImage): Warning | undefined {
  const parameter = indexedParameter(file, parsePath(path));
  if (!parameter) return undefined;
  const { name, value, start } = parameter;
  const holds = tryParseImageRef(scalarText(value) ?? "")?.repository;
  const reads =
    part === "tag"
      ? readsAsTag(name, value)
      : (holds !== undefined && (holds === repository || holds === normalizeRepository(image))) || /image/i.test(leafOf(name)[1]);
  if (reads) return undefined;
  const what =
    part === "tag"
      ? `holds no version and is not named like a tag: its configured override for the tag of ${repository}`
      : `holds no reference of ${repository} and is not named like an image: its configured override`;
  return {
    line: file.lineAt(start),
    message: `${path} is parameter ${parameterName(name)}, which ${what} is not applied: a parameter added above the one it was written for moves what an index names; correct the index`,
  };
}
