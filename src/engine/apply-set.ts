/**
 * One `--set` spec applied to one file's text, as a run applies it: for a library caller who
 * holds the text and not a tree.
 */
import type { EditResult } from "../change.js";
import { fileKind } from "./file-kind.js";
import { located, overFile } from "./overrides.js";
import { notASetFile, RequestError, setSpecError, type FieldNamer, type FileOverride, type RequestIssue } from "./request.js";
import { listTree, readText, type TreeSource } from "./source.js";

/**
 * `spec` applied to `text`, the file's kind (by `file`'s name) picking the grammar as the CLI's
 * `--set file:spec` does: KCL's `-O` for `.k` (`config.image="repo:tag"`), a dotted path for a
 * YAML file (`image.tag=1.2.3`, `tag="1.2.3"` a string, unquoted a number stays a number).
 * The changes and warnings are those a run reports for the file. Throws RequestError: a spec
 * its grammar cannot read, a kcl.mod, or a file a set does not edit (not .k, .yaml or .yml), with
 * `field: "set"`; a path the file does not have (without `create`) or a file that does not parse,
 * located in `file`, with none.
 */
export function applySet(file: string, text: string, spec: string, options: { readonly create?: boolean } = {}): EditResult {
  const kind = fileKind(file);
  if (kind === undefined || kind === "kcl-mod") throw new RequestError([{ field: "set", message: notASetFile(file)! }]);
  const malformed = malformedSets([{ file, spec }], undefined, new Map([[file, text]]));
  if (malformed.length > 0) throw new RequestError(malformed);
  // A byte order mark is no part of the source the editors read; it stays in front.
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const result = overFile(file, kind, { text: text.slice(bom.length), changes: [], warnings: [] }, [spec], options.create ?? false);
  return { ...result, text: bom + result.text };
}

/**
 * The `--set` specs their file's grammar cannot read (the grammar does not depend on the file's contents), each at its file, the request's;
 * `fieldName` names the request's fields in the advice, as its face does, and `texts` (by file, where read) what a file renames (setSpecError).
 */
function malformedSets(sets: readonly FileOverride[], fieldName?: FieldNamer, texts?: ReadonlyMap<string, string>): RequestIssue[] {
  return sets.flatMap((set) => {
    const error = setSpecError(set, fieldName, texts?.get(set.file));
    return error ? [{ ...located(set.file, error), field: "set" as const }] : [];
  });
}

/**
 * malformedSets of a run over `listed`, refused before the tree is read; the advice reads the files the malformed specs
 * name, where the tree has them (a rename in a kustomization's `images:`): read as listTree reads them, so a link
 * (out of the tree, too) or a name the source leaves out gives none, as a file it cannot read does.
 */
export async function malformedSetsIn(listed: TreeSource, sets: readonly FileOverride[], fieldName?: FieldNamer): Promise<RequestIssue[]> {
  const malformed = malformedSets(sets, fieldName);
  if (malformed.length === 0) return malformed;
  // Listed only now: a malformed spec is rare, and its advice is not worth a listing on every run.
  const tree = await listTree(listed).catch(() => undefined);
  const present = new Set(tree?.files);
  const texts = new Map<string, string>();
  for (const file of new Set(malformed.flatMap((issue) => issue.file ?? []))) {
    const text = tree && present.has(file) ? await readText(tree.source, file).catch(() => undefined) : undefined;
    if (text !== undefined) texts.set(file, text);
  }
  return malformedSets(sets, fieldName, texts);
}
