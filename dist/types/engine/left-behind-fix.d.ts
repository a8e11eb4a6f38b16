/**
 * What to do about a reference left behind where no rule edits it, where its file tells: an
 * override of the field that holds it whole, or moving it out of the longer string it sits in.
 */
import { type ImageRef } from "../image/reference.js";
import { type FieldNamer } from "../field-name.js";
/**
 * What to do about a place no rule edits, where its file tells: a YAML scalar that is the whole reference takes a
 * configured override of its path, a repository field beside a `tag` one of that tag (overrideAdvice's, with the
 * file); a reference inside a longer string (args, an env text, a KCL string) is no value
 * of its own, and a string is set whole or not at all. None where the place is none of these, or sits in a later
 * document at a path an earlier one holds too, which an override or a set would set instead.
 */
export declare function fixFor(path: string, text: string, place: {
    readonly at: number;
    readonly reference?: string;
}, image: ImageRef, name?: FieldNamer): string | undefined;
