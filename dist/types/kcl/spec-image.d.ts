import { type ImageUpdate, type VersionNote } from "../image/update.js";
import type { ValueForm, ValueString, WholeText } from "./spec-value.js";
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
export declare function nextSpecImage<V extends HeldString>(setting: {
    readonly text: string;
    readonly value: V | ValueForm;
}, incoming: ReadonlyMap<string, ImageUpdate>, warn: VersionNote, stays: string): {
    readonly value: V;
    readonly name: string;
    readonly next: string;
} | undefined;
export {};
