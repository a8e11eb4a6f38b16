/**
 * Configuration discovery: which file a request's configuration is read from (the one it names, else
 * either default name), reading and checking it, and how messages name a configuration given as a Config,
 * which is in no file.
 */
import type { Diagnostic } from "../change.js";
import { type Config } from "./config.js";
import { type UpdateRequest } from "./request.js";
import { type TreeSource } from "./source.js";
/** The configuration read when the request names none; its `.yml` spelling is read too (GitHub users write both). */
export declare const DEFAULT_CONFIG = ".github/gitops-promote.yaml";
/** The files that may hold a request's configuration, relative to the root: the one it names, else either default name; none when it gives a Config. */
export declare function configPathsOf(request: Pick<UpdateRequest, "config">): readonly string[];
/**
 * Why a run has no target to select: the request's `config` is `none` (named as `flag` says it: `--config`, `config:`),
 * a file that defines none, or (undefined) no configuration, which `noFile` says as the face puts it.
 */
export declare function noTargetsSaid(config: string | undefined, noFile: string, flag: string): string;
/** What messages call a configuration the request gives as a Config, which is in no file. */
export declare const GIVEN_CONFIG = "the configuration";
/** A diagnostic on a configuration given as a Config: in no file, so its message names it (and the line of the text it was parsed from, if any). */
export declare function unfiled<T extends Diagnostic>(diagnostic: T): T;
/**
 * The configuration a request reads in a tree, and what messages call it (its file, or GIVEN_CONFIG); `given`
 * when the request gives it (a Config, or none as NO_CONFIG asks). A configuration that is a symbolic link (or lies
 * behind one: `links`, the tree's) is read from the file of the tree it leads to, and is that file. Throws RequestError
 * for one in error, missing where it is named, or a link that leads to no file of the tree.
 */
export declare function configOf(source: TreeSource, present: ReadonlySet<string>, request: UpdateRequest, create: boolean, links?: ReadonlyMap<string, string>): Promise<{
    readonly config: Config | undefined;
    readonly configPath: string;
    readonly given: boolean;
}>;
