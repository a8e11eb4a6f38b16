/**
 * The image a KCL command-line setting kept as text holds (a `-O` spec's value as specSetting
 * reads it, a KCLRun's `-D` argument), moved by repository: the one decision the kcl.mod
 * editor (mod-editor.ts) and the editor of settings kept in YAML (yaml/kcl-overrides.ts)
 * share. Each then writes the new reference in its own container: a TOML string, a YAML scalar.
 */
import { SourceError } from "../change.js";
import { formatImageRef, tryParseImageRef } from "../image/reference.js";
import { bareRepositoryWarning, nextReference, staleImageIn, type ImageUpdate, type VersionNote } from "../image/update.js";
import { editCheckedKcl } from "./editor.js";
import type { Advice, ValueForm, ValueString, WholeText } from "./spec-value.js";

/** What the decision reads of a value that is one string (a ValueString, or a container's own value type). */
type HeldString = Pick<ValueString, "string"> & WholeText;

/**
 * The reference a setting's value should hold (with that value, and the name its image is
 * written under, for a warning when the new text cannot be written), when the value is one
 * string holding an image of an incoming repository; undefined otherwise. The setting's `text`
 * is its value's, where an image of a value of another form is found. Such an image that is not moved is named
 * through `warn`: one in a value of another form, with `stays` after "which is not edited, "
 * (what stays as it is) and then the form's advice, a bare repository, or a version a policy keeps.
 */
export function nextSpecImage<V extends HeldString>(
  setting: { readonly text: string; readonly value: V | ValueForm },
  incoming: ReadonlyMap<string, ImageUpdate>,
  warn: VersionNote,
  stays: string,
): { readonly value: V; readonly name: string; readonly next: string } | undefined {
  const { text, value } = setting;
  const notEdited = (form: string, advice: Advice, kcl = false): undefined => {
    // A KCL expression says itself whether an image in it would move; then its bare repository (of a {repository, tag}) names it.
    const stale = kcl ? kclWouldEdit(text, incoming) && staleImageIn(text, incoming, true) : staleImageIn(text, incoming);
    if (!stale) return undefined;
    const found = formatImageRef(stale);
    // The advice shows the reference whole: a bare repository's version was elsewhere (`"repo:" + tag`).
    const reference = stale.tag === undefined && stale.digest === undefined ? `${found}:<tag>` : found;
    warn(`holds ${found} in ${form}, which is not edited, ${stays}; ${advice(reference)}`);
    return undefined;
  };
  if ("form" in value) return notEdited(value.form, value.advice, value.kcl);
  const ref = tryParseImageRef(value.string);
  const update = ref && incoming.get(ref.repository);
  // A literal holding more than an image (`"--image=..."`) is no image field; a whole text holding one is named.
  if (!ref || !update) return value.whole === undefined ? undefined : notEdited(value.whole, value.advice);
  if (ref.tag === undefined && ref.digest === undefined) {
    warn(bareRepositoryWarning(ref.repository));
    return undefined;
  }
  const next = nextReference(update, ref, warn);
  return next === undefined ? undefined : { value, name: ref.name, next };
}

/**
 * Whether the KCL editor, given `expression` as a `.k` file's value, would move or name an
 * image in it: a `{repository, tag}` already at the incoming tag holds a bare repository,
 * yet nothing in it would move.
 */
function kclWouldEdit(expression: string, incoming: ReadonlyMap<string, ImageUpdate>): boolean {
  try {
    const { changes, warnings } = editCheckedKcl(`value = ${expression}\n`, { images: [...incoming.values()], setters: new Map() });
    return changes.length > 0 || warnings.length > 0;
  } catch (error) {
    // Text KCL reads as an expression but not as a value: say what it holds, as before.
    if (error instanceof SourceError) return true;
    throw error;
  }
}
