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

/** The configuration read when the request names none; its `.yml` spelling is read too (GitHub users write both). */
export const DEFAULT_CONFIG = ".github/gitops-promote.yaml";
const DEFAULT_CONFIGS: readonly string[] = [DEFAULT_CONFIG, ".github/gitops-promote.yml"];

/** The files that may hold a request's configuration, relative to the root: the one it names, else either default name; none when it gives a Config. */
export function configPathsOf(request: Pick<UpdateRequest, "config">): readonly string[] {
  if (request.config === undefined) return DEFAULT_CONFIGS;
  return typeof request.config === "string" ? [request.config.replace(/^\.\//, "")] : [];
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
 * when the request gives it (a Config, or none as NO_CONFIG asks). Throws RequestError for one in error, or missing where it is named.
 */
export async function configOf(
  source: TreeSource,
  present: ReadonlySet<string>,
  request: UpdateRequest,
  create: boolean,
): Promise<{ readonly config: Config | undefined; readonly configPath: string; readonly given: boolean }> {
  // `config: none` reads no configuration, as one given with nothing in it.
  const given =
    typeof request.config === "object" ? request.config : request.config === NO_CONFIG ? { targets: [], setters: new Map(), overrides: [] } : undefined;
  if (given) return { config: given, configPath: GIVEN_CONFIG, given: true };
  const configPath = configPathIn(request, present);
  return { config: await loadConfig(source, present, configPath, request.config !== undefined, create, request.fieldName), configPath, given: false };
}

/** The configuration file a request reads in a tree: the one present (the first name when none is); both default names present is refused. */
function configPathIn(request: Pick<UpdateRequest, "config">, present: ReadonlySet<string>): string {
  const paths = configPathsOf(request);
  const found = paths.filter((path) => present.has(path));
  if (found.length > 1) throw new RequestError([{ field: "config", message: `config: ${found.join(" and ")} both exist, and only one is read; remove one` }]);
  return found[0] ?? paths[0]!;
}

/**
 * The configuration at `path`, if any. A configuration in error is refused with every problem
 * at once: those of its text, and those its readable overrides meet in the tree (a file that
 * does not exist, a path not in it), in line order; `fieldName` names the request's fields as its face does.
 */
async function loadConfig(
  source: TreeSource,
  present: ReadonlySet<string>,
  path: string,
  required: boolean,
  create: boolean,
  fieldName: FieldNamer = byIndex,
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
    const tree = await checkConfiguredOverrides(source, error.config?.overrides ?? [], path, present, create, fieldName);
    // Stable: issues on one line keep their order.
    throw new RequestError(
      ofField(
        "config",
        [...error.issues, ...tree].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      ),
    );
  }
}
