/**
 * References to an old version of an incoming image that the run leaves in the tree, where no
 * other warning says why: found after the edits, and named at their file and line, each with
 * what to do about it where its file tells (left-behind-fix.ts).
 */
import { type Warning } from "../change.js";
import type { ImageRef } from "../image/reference.js";
import type { FieldNamer } from "../field-name.js";
/** Why a file may keep an image's old version, as the plan knows it. */
interface UnmovedContext {
    /**
     * A warning or an override already says why the file keeps the image's old version (a policy, a
     * target, a placeholder...): at `line`, a line holding a reference to another version, or
     * anywhere in the file when it holds none (undefined: a pair of fields, a mention).
     */
    readonly explained: (path: string, image: ImageRef, line: number | undefined) => boolean;
    /** The run changes nothing and says nothing else: a mention of the repository with no version counts then too. */
    readonly quiet: boolean;
}
/** Where a file is left at an old version of an image: a reference to another version as written, or where the file spells the repository (a pair of fields, a mention). */
export interface LeftPlace {
    readonly at: number;
    /** The 1-based line of `at`. */
    readonly line: number;
    readonly reference?: string;
}
/** An incoming image and the files left at an old version of it, each with its places. */
export interface LeftBehind {
    readonly image: ImageRef;
    readonly files: readonly {
        readonly path: string;
        readonly places: readonly LeftPlace[];
    }[];
}
/**
 * A field the run left at an old version, unseen, would run the old build while the run reads
 * as done: an image reached through a YAML alias whose anchor is not an image field, one in a
 * string, a substitution, a file kind not read, a file in no target. Each file of `texts` (as the plan leaves them;
 * image automation's objects left out: deployedText)
 * that holds the repository joined to another version (outside comments; also beside a field that took the new one:
 * a Helm parameter holding the whole reference beside a pair that moved), or as a pair of fields the editors read with
 * neither the new tag nor digest, and that no other warning explains, is left behind, also when other files change,
 * at each reference no warning explains. A run that changes nothing
 * and says nothing else counts a bare mention of the repository too, unless some file holds the
 * new version (the fields may well hold it), rather than let "nothing to change" read as "every
 * field holds it". Images left nowhere are not listed.
 */
export declare function leftBehind(images: readonly ImageRef[], texts: ReadonlyMap<string, string>, context: UnmovedContext): LeftBehind[];
/**
 * Names the places left behind (leftBehind's, `texts` as it read them), each at its file and line
 * as --json gives them, one warning per image and reason when there are more than SAID_APART;
 * a file in no configured target gets that reason, not the editing rules.
 */
export declare function warnUnmoved(left: readonly LeftBehind[], texts: ReadonlyMap<string, string>, context: {
    /** The configured targets' names (none without a configuration), and whether a file is in none of them, where nothing is edited. */
    readonly targets: readonly string[];
    readonly inNoTarget: (path: string) => boolean;
    /** How the request's face names its fields, for a fix that gives a value (UpdateRequest's). */
    readonly fieldName?: FieldNamer;
}, warnings: Warning[]): void;
export {};
