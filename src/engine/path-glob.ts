/**
 * Path globs as users write them, for `--path` and a target's `paths`: a glob naming a
 * directory, or matching one, stands for everything under it, like Flux's `update.path`
 * (`deploy/prod`, `deploy/prod/` and `deploy/*` all reach `deploy/prod/app.yaml`). A `--path`
 * that matches no file is said, with the path it most likely meant.
 */
import picomatch from "picomatch";
import type { Warning } from "../change.js";
import { cappedList } from "../text/and-list.js";
import { closest, didYouMean } from "../text/closest.js";

/** Whether a path (relative to the root, `/`-separated) is one the globs name or lies under one. */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const matches = picomatch(
    globs.flatMap((glob) => {
      const base = glob.replace(/\/+$/, "");
      return [base, `${base}/**`];
    }),
    { dot: true },
  );
  // A path a glob matches starts with the glob's leading plain names: testing that first spares
  // running every pattern over every file of a large tree (a target's paths, one per cluster).
  const prefixes = globs.map(plainStart);
  if (prefixes.includes("")) return matches;
  return (path) => prefixes.some((prefix) => path.startsWith(prefix)) && matches(path);
}

/**
 * The glob's leading names of letters, digits, `_` and `-`, and the `/` between them: text
 * picomatch reads literally (`.`, `//` and anything else may not be). Not a `/` after the last:
 * `deploy/**` matches `deploy` itself.
 */
function plainStart(glob: string): string {
  return /^[\w-]*(?:\/[\w-]+)*/.exec(glob)![0];
}

/**
 * A path or glob written with Windows separators (`clusters\staging\*.yaml`) as the tree spells
 * paths, with `/`: every `\` is one, as picomatch reads globs on Windows. A glob character is
 * matched literally inside a class (`[*]`), not after a `\`.
 */
export function slashSeparated(glob: string): string {
  return glob.replaceAll("\\", "/");
}

/**
 * Why `glob` is not the glob it looks like, or undefined: picomatch reads a `[` that no `]` closes (`clusters/[ab`) as a
 * literal `[`, and a `{` that no `}` closes (or a class `[z-a]`) makes a pattern that matches no file at all. Told apart as picomatch reads
 * the glob, so that what it takes for a class (`[!]`) is not refused.
 */
export function globFault(glob: string): string | undefined {
  // picomatch's token for a `[` it opens no class at is the escaped `[` alone.
  if (picomatch.parse(glob).tokens.some((token) => token.type === "bracket" && token.value === "\\["))
    return `has a "[" that no "]" closes: close it for a class (e.g. "[ab]"), or write "[[]" to match a "["`;
  try {
    picomatch.makeRe(glob, { dot: true, debug: true });
  } catch (error) {
    // The regular expression's own words otherwise (`[z-a]`: "Range out of order in character class").
    const why = String(error).replace(/^.*: /, "");
    if (why === "Unterminated group") return `has a "{" that no "}" closes, so it matches no file: close it (e.g. "{a,b}"), or write "[{]" to match a "{"`;
    return `matches no file: it reads as no pattern (${why.charAt(0).toLowerCase()}${why.slice(1)})`;
  }
  return undefined;
}

/**
 * The `--path` globs as one test (a directory stands for everything under it), each warned about when it matches no
 * file, with the directory or file it most likely meant, or the symbolic links it matches (`links`, the tree's: each
 * path to its target), which no run follows. A warning, not an error: a path may name a directory some trees of a fleet lack.
 */
export function pathFilter(
  globs: readonly string[],
  files: readonly string[],
  warnings: Warning[],
  links: ReadonlyMap<string, string> = new Map(),
): (path: string) => boolean {
  if (globs.length === 0) return () => true;
  const matchers = globs.map((glob) => pathMatcher([glob]));
  globs.forEach((glob, i) => {
    if (files.some((file) => matchers[i]!(file))) return;
    const linked = [...links].filter(([link]) => matchers[i]!(link)).map(([link, to]) => `${link} (to ${JSON.stringify(to)})`);
    const only = linked.length === 1 ? "the symbolic link" : "symbolic links:";
    warnings.push({
      message:
        linked.length > 0
          ? `path ${JSON.stringify(glob)} matches no file, only ${only} ${cappedList(linked, 3, { sentence: true })}, and no link is followed: give the path it leads to`
          : `path ${JSON.stringify(glob)} matches no file${meantPath(glob, files)}`,
    });
  });
  return (path) => matchers.some((matches) => matches(path));
}

/**
 * ` (did you mean …?)` naming the path a glob matching no file most likely meant: its plain start (the names before any
 * glob character) mistyped (`apps/api/overlay/dev` for `apps/api/overlays/dev`) or cut short (`apps/prod` for
 * `apps/production`; up to three such names, more being a start too short to tell) is set right among the tree's
 * directories and files, the rest kept.
 */
function meantPath(glob: string, files: readonly string[]): string {
  const segments = glob.split("/");
  const globbed = segments.findIndex((segment) => /[*?[\]{}]/.test(segment));
  const plain = (globbed < 0 ? segments : segments.slice(0, globbed)).join("/").replace(/\/+$/, "");
  if (plain === "") return "";
  const names = new Set<string>();
  for (const file of files) {
    for (let end = file.indexOf("/"); end > 0; end = file.indexOf("/", end + 1)) names.add(file.slice(0, end));
    names.add(file);
  }
  // The plain start is there: what matches nothing is the glob after it.
  if (names.has(plain)) return "";
  return didYouMean(
    meantNames(plain, names)
      .map((name) => `${name}${glob.slice(plain.length)}`)
      .join(" or ") || undefined,
  );
}

/** What `plain`, no name of `names`, most likely meant: a name as deep mistyped, else begun (up to three), else any name mistyped. */
function meantNames(plain: string, names: ReadonlySet<string>): string[] {
  // A name as deep is likelier than one a level up: `apps/s` is `apps/staging` begun before it is `apps` mistyped.
  const depth = plain.split("/").length;
  const asDeep = [...names].filter((name) => name.split("/").length === depth);
  const typo = closest(plain, asDeep);
  if (typo !== undefined) return [typo];
  const begun = asDeep.filter((name) => name.startsWith(plain));
  if (begun.length > 0) return begun.length <= 3 ? begun : [];
  const anywhere = closest(plain, names);
  return anywhere === undefined ? [] : [anywhere];
}
