/**
 * What a mistyped name most likely meant, among the names known: a CLI option, a Flux marker key.
 */
/** The nearest of `names` to `typed` at most `most` edits away (two by default), the first of equals; none when `typed` is one of them: a known name is no typo. */
export declare function closest(typed: string, names: Iterable<string>, most?: number): string | undefined;
/** ` (did you mean …?)`, to end a message about a typo, naming what was `meant` (closest's, maybe spelt as it was typed); nothing when nothing was. */
export declare function didYouMean(meant: string | undefined): string;
