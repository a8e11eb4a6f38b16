/**
 * Where Argo CD's overrides of a source are read, and its Helm parameters as names and values:
 * shared by the editors (argocd.ts), their warnings (argocd-unpaired.ts, argocd-strings.ts),
 * the lone tag parameters of chart-tags.ts and the configured overrides that name a parameter by
 * index (misaimedOverride, for engine/overrides.ts). Nothing here edits.
 */
import type { Warning } from "../change.js";
import type { OverrideImage } from "../kcl/override.js";
import type { YamlDocument, YamlFile } from "./file.js";
import type { HelmField } from "./helm.js";
import { type MappingField } from "./merge-key.js";
import { type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
/** A string of an Argo CD source's (or parameter override file's) `kustomize.images`, as the engine's fieldKey writes its path (`a.0.b`). */
export declare const ARGO_KUSTOMIZE_IMAGE: RegExp;
/**
 * The paths of a document's sources: an Application's `source` and each of its `sources`
 * (an ApplicationSet's under its template), or the top of a parameter override file, a
 * document without apiVersion and kind (the empty path), which may also be values of the
 * argocd-apps chart.
 */
export declare function sourcesOf(document: YamlDocument): PathSegment[][];
/**
 * A source's Helm parameters as [name, value field], in order. A parameter override file's
 * list counts only when every item is a parameter (a values file may have a `helm:` key).
 */
export declare function parametersAt(root: YamlNode | null, source: readonly PathSegment[]): [string, HelmField][];
/**
 * How the mapping at `keys` under a source's `helm.valuesObject` reads its fields, each key on the way
 * read as YAML's merge reads it (fieldsOf): `image: {<<: *defaults}` holds the `repository` of `defaults`.
 * Undefined where no mapping is. Its fields are read, not written: a mapping on the way may be one every mapping merging it shares.
 */
export declare function valuesObjectAt(file: YamlFile, root: YamlNode | null, source: readonly PathSegment[], keys: readonly string[]): ((key: string) => MappingField | undefined) | undefined;
/**
 * A parameter's name as a message quotes it: as written when it is a plain Helm path
 * (`image.tag`, `a\\.b`, `list[0].x`), else JSON-quoted, so that it cannot carry a line break or markup into a log.
 */
export declare function parameterName(name: string): string;
/** `image.tag` -> [`image`, `tag`]; a dot escaped for Helm (`a\.b`) is part of a key. */
export declare function leafOf(name: string): [prefix: string, leaf: string];
/**
 * The Helm parameter whose value a path names by index (`spec.source.helm.parameters[3].value`), in
 * the first document that has it, as a path is set: its name, value and where the value is; undefined for any other path.
 */
export declare function indexedParameter(file: YamlFile, path: readonly PathSegment[]): {
    readonly name: string;
    readonly value: YamlNode | null;
    readonly start: number;
} | undefined;
/** Whether a path may name a Helm parameter's value by index: screened by its text before a file is parsed for misaimedOverride. */
export declare function mayNameParameter(path: string): boolean;
/**
 * Why a configured override that names an Argo CD Helm parameter by index (`spec.source.helm.parameters[3].value`)
 * is not applied, at the parameter: it does not read as what the override sets. A parameter added above the one
 * the override was written for moves what its index names, and a tag written into `replicaCount` breaks the app.
 * For a tag, the parameter holds no version and is not named like one (as warnUnpairedRepositories, which advises
 * such overrides, reads it); for a whole reference, it holds none of the image and is not named like one.
 * Undefined when the path names no parameter by index, or one that reads as what the override sets.
 */
export declare function misaimedOverride(file: YamlFile, path: string, { part, repository, image }: OverrideImage): Warning | undefined;
