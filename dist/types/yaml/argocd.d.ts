import { type YamlDocument } from "./file.js";
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
