import { type YamlDocument } from "./file.js";
import { type HelmField } from "./helm.js";
import { type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import { type Editor } from "./plan.js";
/**
 * The paths of a document's sources: an Application's `source` and each of its `sources`
 * (an ApplicationSet's under its template), or the top of a parameter override file, a
 * document without apiVersion and kind (the empty path), which may also be values of the
 * argocd-apps chart.
 */
export declare function sourcesOf(document: YamlDocument): PathSegment[][];
export declare const editArgoCdImages: Editor;
export declare const editArgoCdHelm: Editor;
/**
 * A source's Helm parameters as [name, value field], in order. A parameter override file's
 * list counts only when every item is a parameter (a values file may have a `helm:` key).
 */
export declare function parametersAt(root: YamlNode | null, source: readonly PathSegment[]): [string, HelmField][];
/** `image.tag` -> [`image`, `tag`]; a dot escaped for Helm (`a\.b`) is part of a key. */
export declare function leafOf(name: string): [prefix: string, leaf: string];
/** The field a warning of warnUnpairedRepositories says an override should set, so that an override that sets it answers the warning; undefined for any other warning. */
export declare function unpairedTagFieldOf(message: string): string | undefined;
