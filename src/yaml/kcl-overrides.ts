/**
 * Images in the KCL command-line settings kept in YAML, which KCL applies in memory to the
 * program it runs, so an image set there wins over any `.k` file:
 *
 * - `-O` override specs (reference/kcl-override.md §1.9): a flux-kcl-controller `KCLRun`'s
 *   `spec.config.overrides` (krm.kcl.dev.fluxcd/v1alpha1, api/v1alpha1/kclrun_types.go) and a
 *   KCL settings file's `kcl_cli_configs.overrides` (`kcl.yaml`, crates/config/src/settings.rs).
 *   A spec is read as KCL reads it (override-spec.ts, spec-value.ts); a `=` or `:` spec whose
 *   value is one string literal holding an image of an incoming repository gets the next
 *   reference in the literal's own quotes, and an unquoted value whose head is an operation
 *   (`ghcr.io/acme/app:1.0`) is the string of its whole text (KCL's binary-to-string rule), so
 *   it is written unquoted again.
 * - `-D` options, which the program reads with `option()`: a KCLRun's `spec.config.arguments`
 *   (`name=value`, split at the first `=` as kcl-go's WithOptions does) and a settings file's
 *   `kcl_options` (`{key, value}`, whose value is an image field). KCL decodes an argument's
 *   value as JSON and otherwise keeps its raw text (Context::builtin_option_init), never
 *   reading it as KCL: a JSON string gets the next reference JSON-escaped, raw text that is a
 *   reference (`app=nginx:1.25`) is replaced whole, and other JSON is no image.
 *
 * The YAML string is re-rendered in its own style when that style renders it as written (then
 * only the value's characters change); a value of the repository written any other way
 * (interpolated, an expression, a spec's `nginx:1.25` of which KCL keeps `nginx`, an
 * argument's `'...'` whose quotes KCL keeps, a folded YAML string) is named in a warning and
 * left as it is (an expression only when the KCL editor would move or name an image in it).
 * A marked spec is its Flux marker's (markers.ts).
 */
import { SourceError } from "../change.js";
import { formatImageRef, tryParseImageRef } from "../image/reference.js";
import { bareRepositoryWarning, byRepository, nextReference, staleImageIn, type ImageUpdate } from "../image/update.js";
import { editKcl } from "../kcl/editor.js";
import { parseOverrideSpec, OverrideSpecError, type OverrideSpec } from "../kcl/override-spec.js";
import { readSpecValue } from "../kcl/spec-value.js";
import { writeStringLiteral } from "../kcl/string-literal.js";
import type { YamlDocument } from "./file.js";
import { setImageScalar } from "./images.js";
import { isFlowScalar, mapValue, nodeAt, type ScalarNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { EditPlan, Editor } from "./plan.js";
import { scalarForm } from "./quoting.js";
import { scalarSplice } from "./splice.js";

export const editKclOverrideSpecs: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const { path, read } of settingLists(document)) {
      const list = nodeAt(document.root, path);
      if (list?.kind !== "seq") continue;
      list.items.forEach((item, index) => {
        if (item.kind !== "scalar" || plan.isClaimed(item)) return;
        const setting = read(item.text);
        if (setting) editSetting({ node: item, path: [...path, index], inFlow: list.flow }, setting, document, incoming, plan);
      });
    }
    if (isSettingsFile(document)) editOptions(document, incoming, plan);
  }
};

/** What a spec or `-D` argument string sets. */
interface Setting {
  /** The spec's path or the argument's name, in the change's key. */
  readonly name: string;
  /** The end of a warning about a value that is not edited: which values are, and what stays. */
  readonly unedited: string;
  /** The value's text, where a warning finds the image of a value that is not edited. */
  readonly text: string;
  /** The string the value is and where it is written, or the form of a value that is none (`kcl` when it is a KCL expression). */
  readonly value: ValueString | { readonly form: string; readonly kcl?: true };
}

/** A value that is one string. */
interface ValueString {
  readonly string: string;
  /** Where it is written in the YAML string's text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** How another string is written there. */
  readonly write: (string: string) => string;
  /** Set when the whole text is the string: its form, to name an image in it that is no reference by itself. */
  readonly whole?: string;
}

/**
 * Where a document keeps lists of settings strings, and how each is read: a KCLRun's
 * `spec.config.overrides` and `spec.config.arguments`, a settings file's `kcl_cli_configs.overrides`.
 */
function settingLists(document: YamlDocument): { path: PathSegment[]; read: (text: string) => Setting | undefined }[] {
  const { apiVersion, kind } = document.object;
  if (kind === "KCLRun" && apiVersion?.startsWith("krm.kcl.dev.fluxcd/")) {
    return [
      { path: ["spec", "config", "overrides"], read: readSpec },
      { path: ["spec", "config", "arguments"], read: readArgument },
    ];
  }
  return isSettingsFile(document) ? [{ path: ["kcl_cli_configs", "overrides"], read: readSpec }] : [];
}

const SPEC_UNEDITED = "(only a value that is one string is), so the image this spec pins stays as it is";
const ARGUMENT_UNEDITED = "(only a value that is one reference, bare or a JSON string, is), so the image this option passes stays as it is";

/** A `-O` spec; undefined for text the controller refuses and for a spec that sets no string (`path-`, `path+=`). */
function readSpec(text: string): Setting | undefined {
  let spec: OverrideSpec;
  try {
    spec = parseOverrideSpec(text);
  } catch (error) {
    if (error instanceof OverrideSpecError) return undefined;
    throw error;
  }
  if (spec.operation === "-") return undefined;
  const setting = { name: spec.path, unedited: SPEC_UNEDITED, text: spec.value };
  const value = readSpecValue(spec.value);
  if (value.kind === "other") return { ...setting, value: { form: value.form } };
  if (value.kind === "expression") return { ...setting, value: { form: value.form, kcl: true } };
  // KCL's `+=` appends to lists only: a string after it changes nothing.
  if (spec.operation === "+=") return undefined;
  // The value is the spec's trimmed tail.
  const at = text.trimEnd().length - spec.value.length;
  if (value.kind === "literal") {
    const write = (string: string) => writeStringLiteral(string, value.style);
    return { ...setting, value: { string: value.value, start: at + value.start, end: at + value.end, write } };
  }
  // Unquoted, the name stays as written and KCL's head expression ends before its ':' or '@': the new text is read whole too.
  const whole = "an expression (KCL reads it as the string of its whole text)";
  return { ...setting, value: { string: spec.value, start: at, end: at + spec.value.length, write: (string) => string, whole } };
}

/** A `-D name=value` argument; undefined without a name and `=`. */
function readArgument(text: string): Setting | undefined {
  const eq = text.indexOf("=");
  if (eq <= 0) return undefined;
  const raw = text.slice(eq + 1);
  const setting = { name: text.slice(0, eq), unedited: ARGUMENT_UNEDITED, text: raw };
  const json = decodeJson(raw);
  if (!json) {
    const whole = "raw text that is not JSON (option() returns it as written)";
    return { ...setting, value: { string: raw, start: eq + 1, end: text.length, write: (string) => string, whole } };
  }
  if (typeof json.value !== "string") return { ...setting, value: { form: "a JSON value that is no string" } };
  // JSON whitespace may surround the literal.
  const start = eq + 1 + raw.length - raw.trimStart().length;
  return { ...setting, value: { string: json.value, start, end: eq + 1 + raw.trimEnd().length, write: (string) => JSON.stringify(string) } };
}

function decodeJson(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** A KCL settings file (`kcl.yaml`, `kcl -Y`): no apiVersion or kind, a `kcl_cli_configs` mapping. */
function isSettingsFile(document: YamlDocument): boolean {
  const { apiVersion, kind } = document.object;
  return apiVersion === undefined && kind === undefined && nodeAt(document.root, ["kcl_cli_configs"])?.kind === "map";
}

/**
 * A settings file's `kcl_options` (`-D` options as `{key, value}`): a value holding an image of
 * an incoming repository moves on, reported as an `override` as a KCLRun's `-D` argument is.
 */
function editOptions(document: YamlDocument, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const options = nodeAt(document.root, ["kcl_options"]);
  if (options?.kind !== "seq") return;
  options.items.forEach((option, index) => {
    const node = option.kind === "map" ? mapValue(option, "value") : undefined;
    if (node)
      setImageScalar(
        { node, path: ["kcl_options", index, "value"], inFlow: options.flow || (option.kind === "map" && option.flow) },
        "override",
        false,
        incoming,
        plan,
        document,
      );
  });
}

interface SettingString {
  readonly node: ScalarNode;
  readonly path: readonly PathSegment[];
  readonly inFlow: boolean;
}

function editSetting(at: SettingString, setting: Setting, document: YamlDocument, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const { node } = at;
  const key = `${formatPath(at.path)}: ${setting.name}`;
  const warn = (message: string) => plan.warn(node.start, `${key} ${message}`);
  const notEdited = (form: string, kcl = false) => {
    // A KCL expression says itself whether an image in it would move; then its bare repository (of a {repository, tag}) names it.
    const stale = kcl ? kclWouldEdit(setting.text, incoming) && staleImageIn(setting.text, incoming, true) : staleImageIn(setting.text, incoming);
    if (stale) warn(`holds ${formatImageRef(stale)} in ${form}, which is not edited ${setting.unedited}`);
  };
  const { value } = setting;
  if ("form" in value) return notEdited(value.form, value.kcl);
  const ref = tryParseImageRef(value.string);
  const update = ref && incoming.get(ref.repository);
  if (!ref || !update) {
    // A literal holding more than an image (`"--image=..."`) is no image field; a whole text holding one is named.
    if (value.whole !== undefined) notEdited(value.whole);
    return;
  }
  if (ref.tag === undefined && ref.digest === undefined) return warn(bareRepositoryWarning(ref.repository));
  const next = nextReference(update, ref, warn);
  if (!next) return;
  const source = plan.file.text.slice(node.start, node.end);
  const form = scalarForm(node, source, at.inFlow);
  if (form !== undefined || !isFlowScalar(node))
    return warn(`holds ${ref.name} in a ${form}, which is not edited; write the spec as a plain or quoted one-line string`);
  const text = `${node.text.slice(0, value.start)}${value.write(next)}${node.text.slice(value.end)}`;
  plan.claim(node);
  plan.addSplice(scalarSplice(plan.file, node, text, at.inFlow), { kind: "override", key, old: value.string, new: next, object: document.object });
}

/**
 * Whether the KCL editor, given `expression` as a `.k` file's value, would move or name an
 * image in it: a `{repository, tag}` already at the incoming tag holds a bare repository,
 * yet nothing in it would move.
 */
function kclWouldEdit(expression: string, incoming: ReadonlyMap<string, ImageUpdate>): boolean {
  try {
    const { changes, warnings } = editKcl(`value = ${expression}\n`, { images: [...incoming.values()], setters: new Map() });
    return changes.length > 0 || warnings.length > 0;
  } catch (error) {
    // Text KCL reads as an expression but not as a value: say what it holds, as before.
    if (error instanceof SourceError) return true;
    throw error;
  }
}
