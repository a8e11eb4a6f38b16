/**
 * Reading a run's files as text: many with bounded parallelism (a tree may hold thousands), kept by a screen,
 * one that is not UTF-8 left out with a warning; and a file the request names, where not UTF-8 is an error.
 */
import type { Warning } from "../change.js";
import { type TreeSource } from "./source.js";
/** Reads files with bounded parallelism: the text of each the screen lets through, by index in `paths`. */
export declare function readScreened(source: TreeSource, paths: readonly string[], keep: (path: string, text: string) => boolean, warnings: Warning[]): Promise<(string | undefined)[]>;
/** The text of a file the request names (configuration, `--set` target): not UTF-8 is an error there. */
export declare function readNamed(source: TreeSource, path: string): Promise<string>;
