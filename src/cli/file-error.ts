/**
 * A file system error met while reading or writing the tree (a directory this user may not
 * list, a file it may not open), said as what could not be done to which path: Node's message
 * (`EACCES: permission denied, scandir '/…'`) names a system call, not what the run was doing.
 */

/** What the run was doing when a system call failed. */
const DOING: Readonly<Record<string, string>> = {
  scandir: "list the directory",
  opendir: "list the directory",
  open: "open",
  read: "read",
  write: "write",
  stat: "read",
  lstat: "read",
};

/** `cannot list the directory /t/apps: permission denied (EACCES)`; undefined for an error that is no file system call's. */
export function fileErrorSaid(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (code === undefined || syscall === undefined || path === undefined) return undefined;
  // Node's message is `CODE: description, syscall 'path'`.
  const description = /^\w+: (.+?), \w+ '/.exec(error.message)?.[1] ?? code;
  return `cannot ${DOING[syscall] ?? syscall} ${path}: ${description}${description === code ? "" : ` (${code})`}`;
}
