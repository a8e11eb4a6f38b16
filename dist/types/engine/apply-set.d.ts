/**
 * One `--set` spec applied to one file's text, as a run applies it: for a library caller who
 * holds the text and not a tree.
 */
import type { EditResult } from "../change.js";
import { type FieldNamer, type FileOverride, type RequestIssue } from "./request.js";
import { type TreeSource } from "./source.js";
/**
 * `spec` applied to `text`, the file's kind (by `file`'s name) picking the grammar as the CLI's
 * `--set file:spec` does: KCL's `-O` for `.k` (`config.image="repo:tag"`), a dotted path for a
 * YAML file (`image.tag=1.2.3`, `tag="1.2.3"` a string, unquoted a number stays a number).
 * The changes and warnings are those a run reports for the file. Throws RequestError: a spec
 * its grammar cannot read, a kcl.mod, or a file a set does not edit (not .k, .yaml or .yml), with
 * `field: "set"`; a path the file does not have (without `create`) or a file that does not parse,
 * located in `file`, with none.
 */
export declare function applySet(file: string, text: string, spec: string, options?: {
    readonly create?: boolean;
}): EditResult;
/**
 * malformedSets of a run over `listed`, refused before the tree is read; the advice reads the files the malformed specs
 * name, where the tree has them (a rename in a kustomization's `images:`): read as listTree reads them, so a link
 * (out of the tree, too) or a name the source leaves out gives none, as a file it cannot read does.
 */
export declare function malformedSetsIn(listed: TreeSource, sets: readonly FileOverride[], fieldName?: FieldNamer): Promise<RequestIssue[]>;
