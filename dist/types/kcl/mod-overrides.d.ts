import { type ValueForm, type WholeText } from "./spec-value.js";
/** One spec of `[profile] overrides`. */
export interface ModOverride {
    /** 1-based line of its TOML string. */
    readonly line: number;
    /** Its index in the TOML array, whose items of other kinds count too. */
    readonly index: number;
    /** The TOML key of the table holding its `overrides` when that is not the top-level profile, which KCL reads (`package.profile`). */
    readonly misplaced?: string;
    /** The spec, its TOML escapes decoded. */
    readonly spec: string;
    /** The spec's path; undefined for a string that sets no string (specSetting: no spec KCL reads, `path-`, a string after `+=`). */
    readonly path?: string;
    /** Where a warning finds an image of a value that is not edited: the value's text, or the TOML string's when it cannot be read ("" when it sets no string). */
    readonly text: string;
    /** The string the spec sets and where it is in the file, or the form of a value that is none, for a warning. */
    readonly value: ModValue | ValueForm;
}
/** A spec's value that is one string. */
export type ModValue = {
    readonly string: string;
    /** Where the value is written in the file's text: [start, end). */
    readonly start: number;
    readonly end: number;
    /** The file's text for the value holding `string` instead; undefined when KCL would not read it so or the TOML string cannot hold it. */
    readonly write: (string: string) => string | undefined;
} & WholeText;
/**
 * The specs of the file's `[profile] overrides` array, in order, and of any other
 * `profile.overrides` array (`misplaced`); none when it has no such array.
 */
export declare function modOverrides(text: string): ModOverride[];
