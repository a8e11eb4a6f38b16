/**
 * Configuration discovery: which file a request's configuration is read from (the one it names, else
 * either default name), reading and checking it, and how messages name a configuration given as a Config,
 * which is in no file.
 */
import type { Diagnostic } from "../change.js";
import { CONFIG_NOT_UTF8, ConfigError, NO_CONFIG, parseConfig, type Config } from "./config.js";
import { ofField } from "./field-issues.js";
import { checkConfiguredOverrides } from "./overrides.js";
import { RequestError, type UpdateRequest } from "./request.js";
import { byIndex, type FieldNamer } from "../field-name.js";
import { decodeUtf8, type TreeSource } from "./source.js";
import { followLinks, linkSaid, type LinkEnd } from "./tree-links.js";

/** The configuration read when the request names none; its `.yml` spelling is read too (GitHub users write both). */
export const DEFAULT_CONFIG = ".github/gitops-promote.yaml";
const DEFAULT_CONFIGS: readonly string[] = [DEFAULT_CONFIG, ".github/gitops-promote.yml"];

/** The files that may hold a request's configuration, relative to the root: the one it names, else either default name; none when it gives a Config. */
export function configPathsOf(request: Pick<UpdateRequest, "config">): readonly string[] {
  if (request.config === undefined) return DEFAULT_CONFIGS;
  return typeof request.config === "string" ? [request.config.replace(/^\.\//, "")] : [];
}

/**
 * Why a run has no target to select: the request's `config` is `none` (named as `flag` says it: `--config`, `config:`),
 * a file that defines none, or (undefined) no configuration, which `noFile` says as the face puts it.
 */
export function noTargetsSaid(config: string | undefined, noFile: string, flag: string): string {
  if (config === undefined) return noFile;
  return config === NO_CONFIG ? `${flag} none reads no configuration, so no target is defined` : `${config} defines no targets`;
}

/** What messages call a configuration the request gives as a Config, which is in no file. */
export const GIVEN_CONFIG = "the configuration";

/** A diagnostic on a configuration given as a Config: in no file, so its message names it (and the line of the text it was parsed from, if any). */
export function unfiled<T extends Diagnostic>(diagnostic: T): T {
  const { file, line, ...rest } = diagnostic;
  if (file !== GIVEN_CONFIG) return diagnostic;
  return { ...rest, message: `${file}${line === undefined ? "" : ` (line ${line})`}: ${diagnostic.message}` } as T;
}

/**
 * The configuration a request reads in a tree, and what messages call it (its file, or GIVEN_CONFIG); `given`
 * when the request gives it (a Config, or none as NO_CONFIG asks). A configuration that is a symbolic link (or lies
 * behind one: `links`, the tree's) is read from the file of the tree it leads to, and is that file. Throws RequestError
 * for one in error, missing where it is named, or a link that leads to no file of the tree.
 */
export async function configOf(
  source: TreeSource,
  present: ReadonlySet<string>,
  request: UpdateRequest,
  create: boolean,
  links: ReadonlyMap<string, string> = new Map(),
): Promise<{ readonly config: Config | undefined; readonly configPath: string; readonly given: boolean }> {
  // `config: none` reads no configuration, as one given with nothing in it.
  const given =
    typeof request.config === "object" ? request.config : request.config === NO_CONFIG ? { targets: [], setters: new Map(), overrides: [] } : undefined;
  if (given) return { config: given, configPath: GIVEN_CONFIG, given: true };
  const configPath = await configPathIn(request, source, present, links);
  return { config: await loadConfig(source, present, configPath, request.config !== undefined, create, request.fieldName, links), configPath, given: false };
}

/**
 * The configuration file a request reads in a tree: the one present (the first name when none is), or the file a
 * link of that name leads to; two default names of two files is refused (two of one file are one), and so is a
 * link that leads to no file of the tree: the run would go on without the targets and policies it was meant to have.
 * A default name that only lies behind a linked directory (`.github` a link) and leads to no file is not there, as
 * the file system finds none: unless one is there out of the tree, where the source can look (a directory on disk).
 */
async function configPathIn(
  request: Pick<UpdateRequest, "config" | "fieldName">,
  source: TreeSource,
  present: ReadonlySet<string>,
  links: ReadonlyMap<string, string>,
): Promise<string> {
  const paths = configPathsOf(request);
  // Each name there, and the file it is (none: a link to refuse).
  const found: { readonly path: string; readonly file?: string; readonly end?: LinkEnd }[] = [];
  for (const path of paths) {
    const end = present.has(path) ? undefined : followLinks(path, present, links);
    if (end === undefined) {
      if (present.has(path)) found.push({ path, file: path });
    } else if (end.file !== undefined) found.push({ path, file: end.file, end });
    // The one the request names is refused whatever stands in its way, and so is a default name that is a link.
    else if (request.config !== undefined || end.itself || (end.outside && (await source.isFileOutside?.(path)))) found.push({ path, end });
  }
  // A name that is a link to the file the other name is: one configuration, read once.
  const distinct = found.filter(({ file }, i) => file === undefined || found.findIndex((other) => other.file === file) === i);
  if (distinct.length > 1)
    throw new RequestError([
      { field: "config", message: `config: ${distinct.map(({ path }) => path).join(" and ")} both exist, and only one is read; remove one` },
    ]);
  const one = distinct[0];
  if (one === undefined) return paths[0]!;
  if (one.file !== undefined) return one.file;
  // The request's to settle, as a configuration that would not be read is (misplaced-config.ts): the CLI exits 2.
  const named = request.config === undefined ? "" : `${(request.fieldName ?? byIndex)("config")}: `;
  const why = "a configuration is read from a file of the tree only, and a run without it would not apply its targets and policies";
  throw new RequestError([
    { field: "request", message: `${named}${linkSaid(one.path, one.end!)}: ${why}; put the file itself there, or link to a file of the tree` },
  ]);
}

/**
 * The configuration at `path`, if any. A configuration in error is refused with every problem
 * at once: those of its text, and those its readable overrides meet in the tree (a file that
 * does not exist or is a link of `links`, a path not in it), in line order; `fieldName` names the request's fields as its face does.
 */
async function loadConfig(
  source: TreeSource,
  present: ReadonlySet<string>,
  path: string,
  required: boolean,
  create: boolean,
  fieldName: FieldNamer = byIndex,
  links: ReadonlyMap<string, string> = new Map(),
): Promise<Config | undefined> {
  if (!present.has(path)) {
    if (required) throw new RequestError([{ field: "config", message: `${fieldName("config")}: ${path} does not exist` }]);
    return undefined;
  }
  const text = decodeUtf8(await source.read(path));
  if (text === undefined) throw new RequestError([{ field: "config", file: path, message: CONFIG_NOT_UTF8 }]);
  try {
    return parseConfig(text, path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const tree = await checkConfiguredOverrides(source, error.config?.overrides ?? [], path, present, create, fieldName, links);
    // Stable: issues on one line keep their order.
    throw new RequestError(
      ofField(
        "config",
        [...error.issues, ...tree].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      ),
    );
  }
}
