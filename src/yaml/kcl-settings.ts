/**
 * KCL command-line settings kept in YAML, which KCL applies in memory to the program it runs:
 * where they are, what string each sets, and how a new string is written in its place. Both
 * the editor by repository (kcl-overrides.ts) and a Flux marker on an item (markers.ts) set
 * an image there through this module, so a spec keeps its KCL literal and its YAML string.
 *
 * - `-O` override specs (reference/kcl-override.md §1.9): a flux-kcl-controller `KCLRun`'s
 *   `spec.config.overrides` (krm.kcl.dev.fluxcd/v1alpha1, api/v1alpha1/kclrun_types.go) and a
 *   KCL settings file's `kcl_cli_configs.overrides` (`kcl.yaml`, crates/config/src/settings.rs).
 *   A spec is read as KCL reads it (spec-value.ts specSetting, as a kcl.mod's are): one
 *   string literal, written back in the literal's own quotes, or an unquoted value whose head
 *   is an operation (`ghcr.io/acme/app:1.0`), the string of its whole text, written unquoted.
 * - `-D` options, which the program reads with `option()`: a KCLRun's `spec.config.arguments`
 *   (`name=value`, split at the first `=` as kcl-go's WithOptions does) and a settings file's
 *   `kcl_options` (`{key, value}`, whose value is a YAML value). KCL decodes an argument's
 *   value as JSON and otherwise keeps its raw text (Context::builtin_option_init), never
 *   reading it as KCL: a JSON string is written JSON-escaped, raw text as it is.
 */
import type { FieldChange } from "../change.js";
import { specSetting, type ValueForm, type ValueString } from "../kcl/spec-value.js";
import { escapedEdit, type Decoded } from "../text/escaped-edit.js";
import type { Splice } from "../text/splice.js";
import { decodeDoubleQuoted } from "./scalar-text.js";
import { inGroup, KCL_RUN } from "./api-groups.js";
import type { YamlDocument } from "./file.js";
import { isFlowScalar, mapValue, nodeAt, type FlowScalar, type ScalarNode, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { EditPlan } from "./plan.js";
import { doubleQuoted, scalarForm } from "./quoting.js";
import { scalarSplice } from "./splice.js";

/** What a spec or `-D` argument string sets. */
export interface Setting {
  /** The spec's path or the argument's name, in the change's key. */
  readonly name: string;
  /** What stays as it is when the value is not edited, for that warning (before its advice). */
  readonly stays: string;
  /** The value's text, where a warning finds the image of a value that is not edited. */
  readonly text: string;
  /** The string the value is and where it is in the YAML string's text, or the form of a value that is none. */
  readonly value: ValueString | ValueForm;
}

/** A spec or `-D` argument string of a settings list. */
export interface SettingItem {
  readonly node: ScalarNode;
  readonly path: readonly PathSegment[];
  readonly inFlow: boolean;
  /** What the list holds, for a message: `-O` specs or `-D` arguments. */
  readonly holds: "spec" | "argument";
  /** What a text of this list sets; undefined for text the controller refuses and for a spec that sets no string (`path-`, a string after `+=`). */
  readonly read: (text: string) => Setting | undefined;
}

/**
 * The strings of a document's settings lists: a KCLRun's `spec.config.overrides` and
 * `spec.config.arguments`, a settings file's `kcl_cli_configs.overrides`.
 */
export function settingItems(document: YamlDocument): SettingItem[] {
  const items: SettingItem[] = [];
  for (const { path, holds } of settingLists(document)) {
    const list = nodeAt(document.root, path);
    if (list?.kind !== "seq") continue;
    const read = holds === "spec" ? readSpec : readArgument;
    list.items.forEach((node, index) => {
      if (node.kind === "scalar") items.push({ node, path: [...path, index], inFlow: list.flow, holds, read });
    });
  }
  return items;
}

/** Whether a document is a flux-kcl-controller KCLRun. */
export function isKclRun(document: YamlDocument): boolean {
  const { apiVersion, kind } = document.object;
  return kind === "KCLRun" && inGroup(apiVersion, KCL_RUN);
}

function settingLists(document: YamlDocument): { path: PathSegment[]; holds: SettingItem["holds"] }[] {
  if (isKclRun(document)) {
    return [
      { path: ["spec", "config", "overrides"], holds: "spec" },
      { path: ["spec", "config", "arguments"], holds: "argument" },
    ];
  }
  return isSettingsFile(document) ? [{ path: ["kcl_cli_configs", "overrides"], holds: "spec" }] : [];
}

/** A settings file's `kcl_options` values (`-D` options as `{key, value}`), each a YAML value that is the option's value. */
export function optionValues(document: YamlDocument): { readonly node: YamlNode | null; readonly path: readonly PathSegment[]; readonly inFlow: boolean }[] {
  const options = isSettingsFile(document) ? nodeAt(document.root, ["kcl_options"]) : undefined;
  if (options?.kind !== "seq") return [];
  return options.items.flatMap((option, index) => {
    const node = option.kind === "map" ? mapValue(option, "value") : undefined;
    return node === undefined ? [] : [{ node, path: ["kcl_options", index, "value"], inFlow: options.flow || (option.kind === "map" && option.flow) }];
  });
}

/** A KCL settings file (`kcl.yaml`, `kcl -Y`): no apiVersion or kind, a `kcl_cli_configs` mapping. */
function isSettingsFile(document: YamlDocument): boolean {
  const { apiVersion, kind } = document.object;
  return apiVersion === undefined && kind === undefined && nodeAt(document.root, ["kcl_cli_configs"])?.kind === "map";
}

const SPEC_STAYS = "so the image this spec pins stays as it is";
const ARGUMENT_STAYS = "so the image this option passes stays as it is";

/** A `-O` spec; undefined for text the controller refuses and for a spec that sets no string (`path-`, a string after `+=`). */
function readSpec(text: string): Setting | undefined {
  const spec = specSetting(text);
  return spec && { name: spec.path, stays: SPEC_STAYS, text: spec.text, value: spec.value };
}

/** A `-D name=value` argument; undefined without a name and `=`. */
function readArgument(text: string): Setting | undefined {
  const eq = text.indexOf("=");
  if (eq <= 0) return undefined;
  const raw = text.slice(eq + 1);
  const setting = { name: text.slice(0, eq), stays: ARGUMENT_STAYS, text: raw };
  const json = decodeJson(raw);
  if (!json) {
    const whole = "raw text that is not JSON (option() returns it as written)";
    const advice = (reference: string) =>
      `pass the reference alone, bare or as a JSON string: ${setting.name}=${reference} or ${setting.name}=${JSON.stringify(reference)}`;
    return { ...setting, value: { string: raw, start: eq + 1, end: text.length, write: (string) => string, whole, advice } };
  }
  if (typeof json.value !== "string") {
    const advice = (reference: string) => `pass the image in an argument of its own whose value is the reference (<name>=${reference})`;
    return { ...setting, value: { form: "a JSON value that is no string", advice } };
  }
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

/** How a change to a setting is reported, apart from what the plan knows itself (line, old, new). */
export type SettingLabel = Pick<FieldChange, "kind" | "key">;

/** The key a change or warning names a setting by: the item's path and the spec's path or argument's name. */
export function settingKey(item: SettingItem, setting: Setting): string {
  return `${formatPath(item.path)}: ${setting.name}`;
}

/**
 * A settings string that is rewritten in place: plain or quoted on one line, its escapes as
 * they would be written, or a double-quoted one with escapes of its own (`\x22`), read with
 * where each character is written (`escapes`).
 */
export type WritableItem = SettingItem & { readonly node: FlowScalar; readonly escapes?: Decoded };

/**
 * The item when its new text is written in its YAML string's own style, or spliced into a
 * one-line double-quoted string keeping its escapes, so only the value's characters change;
 * else the string's form (a block or multi-line string, a plain or single-quoted one written
 * otherwise), for a warning that ends with REWRITE_ADVICE.
 */
export function writableItem(plan: EditPlan, item: SettingItem): WritableItem | string {
  const { node, inFlow } = item;
  const source = plan.file.text.slice(node.start, node.end);
  const form = scalarForm(node, source, inFlow);
  if (!isFlowScalar(node)) return form ?? `${node.style} string`;
  if (form === undefined) return { ...item, node };
  const escapes = node.style === "double" && !/[\r\n]/.test(source) ? decodeDoubleQuoted(source) : undefined;
  return escapes?.text === node.text ? { ...item, node, escapes } : form;
}

/** Advice after a form writableItem names. */
export const REWRITE_ADVICE = "which is not edited; write the spec as a plain or quoted one-line string";

/**
 * Claims the item and plans writing `string` where `value` is in its text, in the value's own
 * form (nothing when it holds that string already); when KCL would not read the new text as
 * that string (an unquoted spec's new name of which KCL keeps a head: `nginx:1.27`), plans
 * nothing and returns the new text, for a warning.
 */
export function setInSetting(
  plan: EditPlan,
  item: WritableItem,
  value: ValueString,
  string: string,
  label: SettingLabel,
  document: YamlDocument,
): string | undefined {
  const { node } = item;
  plan.claim(node);
  if (string === value.string) return undefined;
  const text = `${node.text.slice(0, value.start)}${value.write(string)}${node.text.slice(value.end)}`;
  const again = item.read(text)?.value;
  if (!again || !("string" in again) || again.string !== string) return text;
  const splice = item.escapes ? escapedSplice(node, item.escapes, text) : scalarSplice(plan.file, node, text, item.inFlow);
  plan.addSplice(splice, { ...label, old: value.string, new: string, object: document.object });
  return undefined;
}

/** The splice writing `text` into a double-quoted string read with its `escapes`: what differs, escaped as doubleQuoted escapes it. */
function escapedSplice(node: FlowScalar, escapes: Decoded, text: string): Splice {
  // Every character has a double-quoted form, so there is always an edit.
  const edit = escapedEdit(escapes, text, (middle) => doubleQuoted(middle).slice(1, -1))!;
  return { start: node.start + edit.start, end: node.start + edit.end, insert: edit.insert };
}

/** The end of a warning about a string setInSetting did not write, given the text it returned. */
export function unreadWarning(string: string, text: string): string {
  return `would not read as ${string} once written there (${text}); left as it is, write the value as a quoted string`;
}
