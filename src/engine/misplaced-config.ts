/**
 * Configuration files where none is read: `gitops-promote.yaml` at the tree's root (beside
 * `.github/`, not in it), and `.github/gitops-promote.yaml` below the root (a tree holding
 * another tree, as examples/ does). Neither is the configuration, and neither is a manifest: a
 * configuration's `image:` keys name repositories, and its targets' files are another tree's.
 * Each is left out of the edit. One at the root where no configuration is read stops the run,
 * as the CLI stops for a configuration above DIR: without its targets, a release candidate would
 * reach every environment. The others are said once.
 * A file so named that reads as a manifest (a Deployment of an app called gitops-promote) is one.
 */
import type { AsideWarning } from "../change.js";
import { NO_CONFIG } from "./config.js";
import { givenValue, type FieldNamer } from "../field-name.js";
import { RequestError } from "./request.js";
import { readText, type TreeSource } from "./source.js";

const AT_ROOT = /^gitops-promote\.ya?ml$/;
const NESTED = /^(.+)\/\.github\/gitops-promote\.ya?ml$/;
/** A configuration's own keys, at the top; a Kubernetes object's, which no configuration has. */
const CONFIG_KEY = /^(?:targets|setters|overrides)[ \t]*:/m;
const OBJECT_KEY = /^(?:apiVersion|kind)[ \t]*:/m;

/** The files of `files` named as a configuration where none is read that read as one: its keys, no object's. */
export async function misplacedConfigsIn(source: TreeSource, files: readonly string[], read: ReadConfig): Promise<Set<string>> {
  const named = files.filter((path) => path !== read.path && (AT_ROOT.test(path) || NESTED.test(path)));
  const texts = await Promise.all(named.map((path) => readText(source, path)));
  return new Set(named.filter((_, i) => CONFIG_KEY.test(texts[i]!) && !OBJECT_KEY.test(texts[i]!)));
}

/** The configuration this run reads: its file (undefined for one the request gives as a Config), and whether it exists. */
export interface ReadConfig {
  readonly path: string | undefined;
  readonly present: boolean;
  /** Whether `path` is the default name, read when the request names none. */
  readonly byDefault: boolean;
  /** Whether the request asks for no configuration (NO_CONFIG). */
  readonly none?: boolean;
}

/** Where a configuration is read from when the request names none. */
const READ_ONLY_FROM = "a configuration is read only from .github/gitops-promote.yaml (or .yml) at the root";

/**
 * Throws RequestError (the request's to settle: the CLI exits 2) for a misplaced configuration
 * at the root when the run reads none: it was meant for this tree, and a run without its targets
 * would move every environment alike, production included. Told the three ways on: move it,
 * read it where it is, or run with none.
 */
function refuseUnreadConfig(misplaced: ReadonlySet<string>, read: ReadConfig, name: FieldNamer | undefined): void {
  if (!read.byDefault || read.present) return;
  const unread = [...misplaced].filter((path) => AT_ROOT.test(path));
  if (unread.length === 0) return;
  throw new RequestError(
    unread.map((path) => {
      // As the request's face takes the configuration (--config P, config: P); where none is known, as both do.
      const [readIt, readNone] = name
        ? [givenValue(name, "config", path), givenValue(name, "config", NO_CONFIG)]
        : [`--config ${path} (config: ${path} in the Action)`, `--config ${NO_CONFIG} (config: ${NO_CONFIG})`];
      return {
        file: path,
        field: "request",
        message:
          `not read: ${READ_ONLY_FROM}, so its targets, their policies and its overrides would not apply, and this run would edit every file alike; ` +
          `move it to .github/${path}, or read it where it is with ${readIt}, or run without a configuration with ${readNone}`,
      };
    }),
  );
}

/**
 * A warning at each misplaced configuration (misplacedConfigsIn), saying where the configuration
 * is read from; first, throws RequestError for one at the root where none is read (refuseUnreadConfig).
 * `name` names the configuration's field as the request's face takes it (`--config`, `config:`); without it, as both do.
 */
export function warnMisplacedConfigs(misplaced: ReadonlySet<string>, read: ReadConfig, name?: FieldNamer): AsideWarning[] {
  refuseUnreadConfig(misplaced, read, name);
  const where = read.none
    ? `the run reads no configuration (${name ? givenValue(name, "config", NO_CONFIG) : `config ${NO_CONFIG}`})`
    : read.path === undefined
      ? "the configuration read is the one the request gives"
      : read.byDefault && !read.present
        ? READ_ONLY_FROM
        : `the configuration read is ${read.path}`;
  return [...misplaced].map((path) => {
    const tree = NESTED.exec(path)?.[1];
    const advice =
      tree !== undefined
        ? `to apply them, run gitops-promote update on ${tree}, the tree it configures`
        : read.none
          ? `to apply them, name it as the configuration instead of ${NO_CONFIG}`
          : "to apply them, move them into that configuration";
    return {
      file: path,
      message: `not read, as a configuration or a manifest: ${where}, so its targets, their policies and its overrides do not apply to this run; ${advice}`,
      aside: true,
    };
  });
}
