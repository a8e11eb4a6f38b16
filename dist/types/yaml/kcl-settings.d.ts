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
import { type ValueForm, type ValueString } from "../kcl/spec-value.js";
import { type Decoded } from "../text/escaped-edit.js";
import type { YamlDocument } from "./file.js";
import { type FlowScalar, type ScalarNode, type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import type { EditPlan } from "./plan.js";
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
export declare function settingItems(document: YamlDocument): SettingItem[];
/** Whether a document is a flux-kcl-controller KCLRun. */
export declare function isKclRun(document: YamlDocument): boolean;
/** A settings file's `kcl_options` values (`-D` options as `{key, value}`), each a YAML value that is the option's value. */
export declare function optionValues(document: YamlDocument): {
    readonly node: YamlNode | null;
    readonly path: readonly PathSegment[];
    readonly inFlow: boolean;
}[];
/** How a change to a setting is reported, apart from what the plan knows itself (line, old, new). */
export type SettingLabel = Pick<FieldChange, "kind" | "key">;
/** The key a change or warning names a setting by: the item's path and the spec's path or argument's name. */
export declare function settingKey(item: SettingItem, setting: Setting): string;
/**
 * A settings string that is rewritten in place: plain or quoted on one line, its escapes as
 * they would be written, or a double-quoted one with escapes of its own (`\x22`), read with
 * where each character is written (`escapes`).
 */
export type WritableItem = SettingItem & {
    readonly node: FlowScalar;
    readonly escapes?: Decoded;
};
/**
 * The item when its new text is written in its YAML string's own style, or spliced into a
 * one-line double-quoted string keeping its escapes, so only the value's characters change;
 * else the string's form (a block or multi-line string, a plain or single-quoted one written
 * otherwise), for a warning that ends with REWRITE_ADVICE.
 */
export declare function writableItem(plan: EditPlan, item: SettingItem): WritableItem | string;
/** Advice after a form writableItem names. */
export declare const REWRITE_ADVICE = "which is not edited; write the spec as a plain or quoted one-line string";
/**
 * Claims the item and plans writing `string` where `value` is in its text, in the value's own
 * form (nothing when it holds that string already); when KCL would not read the new text as
 * that string (an unquoted spec's new name of which KCL keeps a head: `nginx:1.27`), plans
 * nothing and returns the new text, for a warning.
 */
export declare function setInSetting(plan: EditPlan, item: WritableItem, value: ValueString, string: string, label: SettingLabel, document: YamlDocument): string | undefined;
/** The end of a warning about a string setInSetting did not write, given the text it returned. */
export declare function unreadWarning(string: string, text: string): string;
