/**
 * Which configured target owns a file (the first whose paths match it) and by which of its paths,
 * found without testing every target's globs on every file: a config with a target per cluster
 * has hundreds, and a run asks for the owner of every file several times.
 */
import type { Target } from "./config.js";
import { pathMatcher } from "./path-glob.js";

/** One configured target path: the glob at `index` of the target's `paths`, the target at `rank` among all configured. */
export interface TargetPath {
  readonly target: Target;
  readonly rank: number;
  readonly index: number;
  readonly matches: (path: string) => boolean;
}

/** The target a file belongs to, and those of its paths that match the file (one at least), in order. */
export interface Ownership {
  readonly target: Target;
  readonly rank: number;
  readonly paths: readonly TargetPath[];
}

export interface TargetOwners {
  /** A configured target's paths, in order. */
  readonly pathsOf: (target: Target) => readonly TargetPath[];
  /** The file's owner, remembered per file. */
  readonly ownerOf: (file: string) => Ownership | undefined;
  /** The target paths that may match the file, in configured order: none left out matches it. */
  readonly mayMatch: (file: string) => readonly TargetPath[];
}

/**
 * A glob's leading names are matched literally (a `*` name: any one name), so the globs are indexed
 * by them: a file is tested only against the globs whose leading names its own begin with. Names,
 * not text as pathMatcher's plain-prefix pre-test: `clusters/t1/**` cannot match `clusters/t10/a.yaml`,
 * and `apps/*` + `/overlays/prod/**` is told from the next environment's by the names past its `*`.
 * Past them, a glob whose last name begins with plain text (`prod-` in `regions/**` + `/prod-*.yaml`)
 * can match only a file with a name past the leading ones that begins with that text.
 */
interface Node {
  readonly names: Map<string, Node>;
  anyName?: Node;
  /** The globs whose leading names end here, past which nothing narrows them. */
  readonly open: TargetPath[];
  /** The others ending here, by the plain text their last name begins with. */
  readonly byLastStart: Map<string, TargetPath[]>;
}

const PLAIN_NAME = /^[\w-]+$/;
/** Text picomatch reads literally, as pathMatcher's plainStart. */
const PLAIN_START = /^[\w-]*/;
/** Braces, extglobs, classes and escapes may hold a `/`: with them, a glob's names are not its `/`-separated parts. */
const GROUPING = /[{}()[\]\\]/;

/** The owners among `targets`, all configured, in order: the first whose paths match a file owns it. */
export function targetOwners(targets: readonly Target[]): TargetOwners {
  // Most runs configure no target: every file of the tree is asked about, and none is owned.
  if (targets.length === 0) return NO_OWNERS;
  const root = node();
  const paths = new Map(
    targets.map((target, rank) => [target, target.paths.map((glob, index) => indexed(root, glob, { target, rank, index, matches: lazyMatcher(glob) }))]),
  );
  const mayMatch = (file: string): TargetPath[] => {
    const found = new Set<TargetPath>();
    collect(root, file.split("/"), 0, found);
    return [...found].sort((a, b) => a.rank - b.rank || a.index - b.index);
  };
  const owners = new Map<string, Ownership | undefined>();
  const ownerOf = (file: string): Ownership | undefined => {
    if (owners.has(file)) return owners.get(file);
    const candidates = mayMatch(file);
    const first = candidates.find((p) => p.matches(file));
    const owner = first && {
      target: first.target,
      rank: first.rank,
      paths: candidates.filter((p) => p === first || (p.target === first.target && p.index > first.index && p.matches(file))),
    };
    owners.set(file, owner);
    return owner;
  };
  return { pathsOf: (target) => paths.get(target) ?? [], ownerOf, mayMatch };
}

const NO_OWNERS: TargetOwners = { pathsOf: () => [], ownerOf: () => undefined, mayMatch: () => [] };

function node(): Node {
  return { names: new Map(), open: [], byLastStart: new Map() };
}

function indexed(root: Node, glob: string, path: TargetPath): TargetPath {
  const names = glob.replace(/\/+$/, "").split("/");
  let at = root;
  let leading = 0;
  for (; leading < names.length; leading++) {
    const name = names[leading]!;
    if (name === "*") at = at.anyName ??= node();
    else if (PLAIN_NAME.test(name)) at = at.names.get(name) ?? at.names.set(name, node()).get(name)!;
    else break;
  }
  const start = leading < names.length && !GROUPING.test(glob) ? PLAIN_START.exec(names.at(-1)!)![0] : "";
  if (start === "") at.open.push(path);
  else (at.byLastStart.get(start) ?? at.byLastStart.set(start, []).get(start)!).push(path);
  return path;
}

function collect(at: Node, names: readonly string[], next: number, found: Set<TargetPath>): void {
  for (const path of at.open) found.add(path);
  if (at.byLastStart.size > 0) {
    for (const name of names.slice(next)) {
      const plain = PLAIN_START.exec(name)![0];
      for (let end = 1; end <= plain.length; end++) for (const path of at.byLastStart.get(plain.slice(0, end)) ?? []) found.add(path);
    }
  }
  if (next === names.length) return;
  const named = at.names.get(names[next]!);
  if (named) collect(named, names, next + 1, found);
  if (at.anyName) collect(at.anyName, names, next + 1, found);
}

/** Compiled on first use: most globs of a large config are never tested against a file. */
function lazyMatcher(glob: string): (path: string) => boolean {
  let matches: ((path: string) => boolean) | undefined;
  return (path) => (matches ??= pathMatcher([glob]))(path);
}
