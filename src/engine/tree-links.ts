/**
 * Symbolic links of a tree (TreeSource.links). The engine edits no file through one (source.ts), but a
 * request may name one: its configuration is read from the file the link leads to when that is a file of
 * the tree, and a link that leads out of it, to nothing or round a loop is refused, named with its target
 * (a default name that only lies behind a linked directory and leads to no file is not there: config-file.ts).
 */

/**
 * Where a path leads through the tree's links: the first link on its way, its target as written, whether the path
 * is itself a link (`itself`: its last part, once the directories on its way are followed, as lstat finds it; not
 * when only a directory on its way is one), and the file it ends at or why it ends at none (`outside`: it leaves
 * the tree, out of the root or to an absolute path, where the tree cannot say what is there).
 */
export type LinkEnd = { readonly link: string; readonly to: string; readonly itself: boolean } & (
  { readonly file: string } | { readonly file?: undefined; readonly why: string; readonly outside: boolean }
);

/** Links followed before giving up on a path, as Linux does (MAXSYMLINKS): more is a loop. */
const MAX_LINKS = 40;

/**
 * Where `path`, a plain path of the tree that is no regular file of it, leads through `links` (each link's path
 * to its target as written), followed as the kernel follows it: a target relative to the link's directory, and
 * `..` after a linked directory from where that directory leads. A file of `present` ends it. Undefined when no
 * link is on its way: the path names nothing.
 */
export function followLinks(path: string, present: ReadonlySet<string>, links: ReadonlyMap<string, string>): LinkEnd | undefined {
  let first: { readonly link: string; readonly to: string } | undefined;
  let itself = false;
  const done: string[] = [];
  const rest = path.split("/");
  for (let followed = 0; rest.length > 0;) {
    const part = rest.shift()!;
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (first === undefined) return undefined;
      if (done.pop() === undefined) return { ...first, itself, why: "leads outside the root", outside: true };
      continue;
    }
    done.push(part);
    const to = links.get(done.join("/"));
    if (to === undefined) continue;
    first ??= { link: done.join("/"), to };
    // The path's last part: what a link met from here on leads to is where the path, a link, leads.
    if (rest.length === 0) itself = true;
    // Even one that names a file of this checkout: a checkout elsewhere (the Action's, a colleague's) would not have it there.
    if (to.startsWith("/")) {
      const absolute = followed === 0 ? "is an absolute path" : `leads to the absolute path ${to}`;
      return { ...first, itself, why: `${absolute} (only a relative link is followed: it leads to the same file in every checkout)`, outside: true };
    }
    if (++followed > MAX_LINKS) return { ...first, itself, why: "leads round a loop of links", outside: false };
    done.pop();
    rest.unshift(...to.split("/"));
  }
  if (first === undefined) return undefined;
  const end = done.join("/");
  if (present.has(end)) return { ...first, itself, file: end };
  const directory = end === "" || [...present].some((file) => file.startsWith(`${end}/`));
  return {
    ...first,
    itself,
    outside: false,
    why: directory ? `leads to ${end === "" ? "the root" : `the directory ${end}`}, not a file` : `leads to ${end}, which does not exist (a dangling link)`,
  };
}

/** `path` and where it leads (followLinks' `end` of it) as a message says them: `a.yaml is a symbolic link to "b.yaml", which leads to conf/b.yaml`. */
export function linkSaid(path: string, end: LinkEnd): string {
  const link =
    end.link === path
      ? `${path} is a symbolic link to ${JSON.stringify(end.to)}`
      : `${path} lies behind the symbolic link ${end.link} (to ${JSON.stringify(end.to)})`;
  return `${link}, which ${end.file === undefined ? end.why : `leads to ${end.file}`}`;
}

/**
 * What a request that names `path` to edit, no regular file of the tree, is told: that it does not exist or, where it is a
 * symbolic link or lies behind one (`link`), where that leads and, when that is a file of the tree, that file to name instead:
 * a link is never edited. One text for every way a request names a file (a `--set`, a configured override's `file`).
 */
export function notAFileSaid(
  path: string,
  present: ReadonlySet<string>,
  links: ReadonlyMap<string, string>,
): { readonly message: string; readonly link: boolean } {
  const end = followLinks(path, present, links);
  if (end === undefined) return { message: `${path} does not exist`, link: false };
  const instead = end.file === undefined ? "" : `: name ${end.file} instead`;
  return { message: `${linkSaid(path, end)}; a symbolic link is never edited${instead}`, link: true };
}
