/**
 * The `gitops-promote` command line, as a function of argv and an Io so tests can call it:
 * the engine on a local directory (no GitHub needed), and `dispatch` for the app repo's side. A thin shell: parse arguments, call
 * the engine, print, return 0 (done, changed or not), 1 (failed, nothing written) or 2 (bad usage).
 */
import type { ParseArgsConfig } from "node:util";
import { access, lstat, readdir, realpath, stat } from "node:fs/promises";
import { constants } from "node:fs";
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { writePlan } from "../engine/apply.js";
import { configPathsOf, DEFAULT_CONFIG } from "../engine/config-file.js";
import { planUpdate } from "../engine/plan.js";
import { validateInTree } from "../engine/validate-in-tree.js";
import { NO_CONFIG } from "../engine/config.js";
import { onceEachMessage } from "../change.js";
import { malformedSetsIn } from "../engine/apply-set.js";
import { slashSeparated } from "../engine/path-glob.js";
import { formatError, formatWarning, humanReport, jsonRefusal, jsonReport } from "../engine/report.js";
import { nothingToUpdate, parseSet, RequestError, type RequestIssue, type UpdateRequest } from "../engine/request.js";
import { directorySource, leftOutName } from "../engine/source.js";
import { byFlag } from "../field-name.js";
import { onceEachImage } from "../image/once-each.js";
import pkg from "../../package.json" with { type: "json" };
import { PayloadError } from "../engine/payload.js";
import { DISPATCH_HELP, DISPATCH_OPTIONS, failureReport, runDispatch } from "./dispatch.js";
import { fileErrorSaid } from "./file-error.js";
import { OutputError, outputWritten, printJson, UsageError, type Io } from "./io.js";
import { parse } from "./parse.js";
import { policiesAbove } from "./policies-above.js";
import { PAYLOAD_FIELD, payloadConflict, readPayload } from "./payload.js";
import { unknownTargets } from "./targets.js";
import { closest, didYouMean } from "../text/closest.js";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const HELP = `gitops-promote ${pkg.version}: edit exactly the image fields that must change, in KCL and YAML.

Usage:
  gitops-promote update [DIR] [options]     edit image fields under DIR (default .)
  gitops-promote dispatch [options]         announce a new image to manifests repositories
  gitops-promote help [<command>] | --help | --version

Run 'gitops-promote help <command>' (or '<command> --help') for the options of a command.
`;

const UPDATE_HELP = `Usage: gitops-promote update [DIR] [options]

Edits, under DIR (default .), every field that must change for the incoming images:
Flux $imagepolicy markers, container image: fields, kustomize images:, Helm values
repository/tag pairs (YAML), and image strings, markers and override specs (KCL).
Only the values' bytes change; files with no change are not rewritten.

Options:
  --image REF           incoming image, e.g. ghcr.io/acme/app:1.2.4[@sha256:...] (repeatable)
  --setter KEY=REF      value for a Flux marker key, e.g. flux-system:app=ghcr.io/acme/app:1.2.4 (repeatable)
  --set FILE:SPEC       override spec for one file, relative to DIR or absolute inside it:
                        KCL grammar for .k (main.k:config.containers.app.image="repo:tag"),
                        a dotted path for YAML (values.yaml:image.tag=1.2.4) (repeatable)
  --config FILE|none    configuration, relative to DIR or absolute inside it
                        (default: .github/gitops-promote.yaml or .yml when present);
                        none: no configuration
  --path GLOB           only edit files matching GLOB, or under the directory it names,
                        relative to DIR; Flux objects are read everywhere (repeatable)
  --target NAME         update only the configured target NAME: other targets' files are
                        left alone, as with a dispatch payload's targets (repeatable; default all)
  --payload FILE|-      run as the update Action runs for this dispatch payload (JSON; FILE is
                        relative to the current directory, - reads standard input, e.g. piped from
                        'gitops-promote dispatch ... --dry-run'): its images are the incoming
                        images, its targets the targets; not with --image or --target
  --allow-downgrade     set the incoming tag even when a policy ranks the current one higher or equal
  --create              let --set and configured overrides create a missing path
                        instead of failing
  --dry-run             write nothing; print a unified diff
  --json                print one JSON object: {"changed", "files", "changes", ...}
  -h, --help            this help

Exit codes: 0 done (changed or not), 1 failed (nothing written), 2 bad usage (an unknown option,
a flag value that is not what the flag takes, a file a flag names that is missing, a DIR that is
missing or a file, a --target no configured target has, a payload that is not valid or names such
a target, a configuration that would not be read; nothing is written either).
`;

const UPDATE_OPTIONS = {
  image: { type: "string", multiple: true },
  setter: { type: "string", multiple: true },
  set: { type: "string", multiple: true },
  config: { type: "string" },
  path: { type: "string", multiple: true },
  target: { type: "string", multiple: true },
  payload: { type: "string" },
  "allow-downgrade": { type: "boolean" },
  create: { type: "boolean" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsConfig["options"];

/** A request as the CLI makes it: its configuration is a file of DIR's, when --config names one. */
type CliRequest = UpdateRequest & { readonly config?: string };

/**
 * A flag's value that is not what the flag takes (`--image Foo:1`, `--set main.k`), a --target no
 * configured target has: bad usage, exit 2. The configuration's own problems are the tree's (exit 1).
 */
function isUsage(issue: RequestIssue): boolean {
  return issue.field !== undefined && issue.field !== "config";
}

/**
 * The values of the flags, checked before the tree is read, and the request with each --set file
 * as the engine reads it: relative to DIR. A flag value that is not what the flag takes is bad
 * usage: a --set spec its file's grammar cannot read (the grammar does not depend on the file),
 * a --set file that is missing (named on the command line, like a mistyped option), a --path
 * that is not relative to DIR.
 */
async function checkArguments(request: CliRequest, root: string): Promise<CliRequest> {
  const usage: RequestIssue[] = [];
  const sets: string[] = [];
  const source = directorySource(root);
  for (const text of request.sets ?? []) {
    const set = parseSet(text);
    // validateRequest says why a value is not FILE:SPEC, or names a file no set edits.
    if (typeof set === "string") {
      sets.push(text);
      continue;
    }
    // Looked for as the engine reads a request's path: a `\` is a `/` (clusters\prod\values.yaml), on Linux too.
    const file = await inTree(root, slashSeparated(set.file));
    if (file === undefined) {
      usage.push({ field: "set", message: `--set: ${set.file} must be relative to DIR (${root}) and stay inside it` });
      sets.push(text);
      continue;
    }
    // Said as the engine says it, its advice reading the file as the engine's source does (an image its kustomize images: renames).
    const [malformed] = await malformedSetsIn(source, [{ file, spec: set.spec }], byFlag);
    // A name the engine reads no file by (a newline in it) is refused here, as a missing file is, not after the tree is read.
    const leftOut = malformed ? undefined : leftOutName(file);
    const notFile = malformed || leftOut ? undefined : await notAFile(root, file);
    // A malformed spec is said as the engine says it when it applies the spec, whether its file exists or not.
    if (malformed) usage.push(malformed);
    else if (leftOut) usage.push({ field: "set", message: `--set: ${leftOut}` });
    else if (notFile) usage.push({ field: "set", message: `--set: ${file} ${await notFileSaid(notFile, root, file)}` });
    sets.push(`${file}:${set.spec}`);
  }
  const paths = (request.paths ?? []).filter((glob) => {
    const outside = pathOutside(glob, root);
    if (outside) usage.push({ field: "path", message: `--path: ${JSON.stringify(glob)} ${outside}` });
    return outside === undefined;
  });
  const checked = { ...request, sets, paths };
  // With each file named as the engine reads it, so that `/abs/DIR/values.yaml` and `values.yaml` are one file.
  usage.unshift(...(await requestIssues(checked, root)));
  // Several --set values naming one missing file: said once.
  if (usage.length > 0) throw new RequestError(onceEachMessage(usage));
  return checked;
}

/**
 * What validateRequest finds wrong with `request`, checked again with what DIR names when that offers a value given
 * as a tag alone its repository (validateInTree).
 */
async function requestIssues(request: CliRequest, root: string): Promise<readonly RequestIssue[]> {
  try {
    await validateInTree(directorySource(root), request);
    return [];
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    return error.issues;
  }
}

/** Why a --path glob names nothing inside DIR, with DIR named (validateRequest would say "the root", a word the CLI does not use). */
function pathOutside(glob: string, root: string): string | undefined {
  if (isAbsolute(glob) || /^[A-Za-z]:[\\/]/.test(glob)) return `must be relative to DIR (${root})`;
  if (glob.split(/[\\/]/).includes("..")) return `must stay inside DIR (${root}): no ".."`;
  return undefined;
}

/**
 * `file` (relative to `root`, or absolute) as a POSIX path relative to `root`, or undefined when
 * it names no file inside it. `..x` is a name like any other; only a `..` part leaves. An absolute
 * `file` not spelt under `root` is compared as the file system resolves both: either may be given
 * through a symbolic link (macOS's /tmp is /private/tmp; a DIR linked from elsewhere).
 */
async function inTree(root: string, file: string): Promise<string | undefined> {
  const inside = insideOf(root, resolve(root, file));
  if (inside !== undefined || !isAbsolute(file)) return inside;
  return insideOf(await realpath(root), await realParent(file));
}

/** `path` as a POSIX path relative to `root`, or undefined when it is `root` itself or outside it. */
function insideOf(root: string, path: string): string | undefined {
  const inside = posixRelative(root, path);
  if (inside === "" || inside === ".." || inside.startsWith("../") || isAbsolute(inside)) return undefined;
  return inside;
}

/**
 * `path` with the directories it lies in resolved as the file system resolves them, as far as they exist; its own
 * name kept, so that a link named on the command line is said to be one (a file may not exist yet, nor its directory).
 */
async function realParent(path: string): Promise<string> {
  const dir = dirname(path);
  if (dir === path) return path;
  const real = await realpath(dir).catch(() => undefined);
  return join(real ?? (await realParent(dir)), basename(path));
}

/** `to` relative to `from`, spelt with `/` as the tree spells paths, on Windows too. */
function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join("/");
}

/** Why a file named on the command line is no file to read. */
type NotAFile = "missing" | "directory" | "unreadable";

/**
 * Why `file` (relative to `root`), named on the command line, is no file to read; undefined when it is one, or a
 * symbolic link: the engine, which knows the tree's links, says where that leads and what becomes of it.
 */
async function notAFile(root: string, file: string): Promise<NotAFile | undefined> {
  const path = join(root, file);
  const link = await lstat(path).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
  if (link) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (!info) return "missing";
  if (info.isDirectory()) return "directory";
  return (await permits(path, constants.R_OK)) ? undefined : "unreadable";
}

/** Whether this process may do `mode` (fs.constants' R_OK, X_OK) with `path`. */
function permits(path: string, mode: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/** notAFile's answer for `file` (relative to `root`) said; a missing file with the name of its directory it most likely meant (`values.yml`). */
async function notFileSaid(why: NotAFile, root: string, file: string): Promise<string> {
  switch (why) {
    case "directory":
      return "is a directory, not a file";
    case "unreadable":
      return "cannot be read: permission denied";
    case "missing": {
      const dir = posix.dirname(file);
      const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
      const meant = closest(
        posix.basename(file),
        entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
      );
      return `does not exist in DIR (${root})${didYouMean(meant === undefined ? undefined : posix.join(dir, meant))}`;
    }
  }
}

async function runUpdate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, UPDATE_OPTIONS);
  if (values.help) return (io.stdout(UPDATE_HELP), EXIT_OK);
  if (positionals.length > 1) throw new UsageError(`update takes one DIR, got ${positionals.length}: ${positionals.join(" ")}`);
  const conflict = values.payload === undefined ? undefined : payloadConflict(values);
  if (conflict) throw new UsageError(conflict);
  const payload = values.payload === undefined ? undefined : await readPayload(values.payload, io);
  const images = payload ? payload.images : onceEachImage(values.image ?? []);
  const targets = payload ? payload.targets : values.target;
  const setters = values.setter ?? [];
  const sets = values.set ?? [];
  if (images.length + setters.length + sets.length === 0) throw new UsageError(nothingToUpdate(byFlag, PAYLOAD_FIELD));

  const root = await treeRoot(positionals[0]);
  // The tree's paths are spelt with `/`, on Windows too.
  const paths = (values.path ?? []).map(slashSeparated);
  const top = await repositoryTop(root);
  const request: CliRequest = {
    images,
    setters,
    sets,
    paths,
    // Flux's update paths are from the repository's root, which DIR may be below.
    ...(top !== undefined && { pathInRepository: posixRelative(top, root) }),
    ...(targets && { targets }),
    ...(values.config !== undefined && { config: await configInTree(root, values.config) }),
    allowDowngrade: values["allow-downgrade"] ?? false,
    create: values.create ?? false,
    fieldName: byFlag,
  };
  // Before any planning: a run on DIR that would not read the configuration above it is refused, as one at the root is (misplaced-config.ts).
  const above = request.config === undefined ? await configAbove(root, top, positionals[0] ?? ".", paths) : undefined;
  if (above !== undefined) throw new RequestError([{ field: "request", message: above }]);
  // Read by none: the Flux objects beside DIR, which a run from the repository's root reads.
  const unconfigured = request.config === undefined && top !== undefined && top !== root && (await configIn(root)) === undefined;
  const definedAbove = unconfigured ? fluxPolicyAbove(root, top, positionals[0] ?? ".", paths) : undefined;
  const plan = await planUpdate(directorySource(root), await checkArguments({ ...request, definedAbove }, root)).catch((error: unknown) => {
    const issues = unknownTargets(error, request.config, root, payload ? `${PAYLOAD_FIELD}.targets` : "--target");
    if (!issues) throw error;
    // Said as --target's or the payload's, each still the request's or the tree's as the engine marked it (unknownTargets maps the issues one to one).
    throw new RequestError(issues.map((issue, i) => ({ ...(error as RequestError).issues[i], ...issue })));
  });
  const dryRun = values["dry-run"] ?? false;
  if (!dryRun) await writePlan(root, plan);
  if (values.json) {
    printJson(io, jsonReport(plan));
  } else {
    plan.warnings.forEach((w) => io.stderr(formatWarning(w) + "\n"));
    io.stdout(humanReport(plan, { diff: dryRun, dryRun }));
  }
  // A dry run's output is its work; a run's is the report of work done, which a report lost does not undo.
  const done = plan.files.some((file) => file.after !== file.before) ? "the files were written" : "no file needed a change";
  await outputWritten(io, dryRun ? undefined : done);
  return EXIT_OK;
}

/**
 * DIR as the tree's root, refused as bad usage (exit 2) when it names no directory this run can
 * read, as a --set or --config file that is missing or unreadable is: an empty DIR (which would
 * otherwise read as the current directory), one that does not exist, a file (said with the run
 * that edits only that file, from the nearest directory above it whose configuration would be read,
 * else the git root, else its own directory), one this user may not list.
 */
async function treeRoot(given: string | undefined): Promise<string> {
  if (given === "") throw new UsageError('DIR is empty (""): name the directory, or leave DIR out for the current one');
  const dir = given ?? ".";
  const root = resolve(dir);
  const info = await stat(root).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (info instanceof Error) throw new UsageError(`${dir} ${await missingDirSaid(info, dir, root)}`);
  if (!info.isDirectory()) {
    const top = await repositoryTop(dirname(root));
    const from = (await nearestConfigured(dirname(root), top))?.at ?? top ?? dirname(root);
    throw new UsageError(
      `${dir} is not a directory but a file; to edit only that file, run: gitops-promote update ${spelt(dir, from)} --path ${posixRelative(from, root)} (and the other options)`,
    );
  }
  if (!(await permits(root, constants.R_OK | constants.X_OK))) throw new UsageError(`${dir} cannot be read: permission denied`);
  return root;
}

/**
 * Why DIR (`dir` as given, `root` resolved) could not be read: one that does not exist is said so, with the directory
 * beside it most likely meant (`clusters/prod` for `clusters/prd`), as a missing --set file is.
 */
async function missingDirSaid(error: NodeJS.ErrnoException, dir: string, root: string): Promise<string> {
  if (error.code !== "ENOENT" && error.code !== "ENOTDIR") return "is not a directory";
  const entries = await readdir(dirname(root), { withFileTypes: true }).catch(() => []);
  const meant = closest(
    basename(root),
    entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  );
  return `does not exist${didYouMean(meant === undefined ? undefined : spelt(dir, join(dirname(root), meant)))}`;
}

/** `path` spelt as `given` (a path the user wrote) is: absolute when that is, else relative to the current directory. */
function spelt(given: string, path: string): string {
  return isAbsolute(given) ? path : relative(process.cwd(), path) || ".";
}

const exists = async (path: string) => (await stat(path).catch(() => undefined)) !== undefined;

/** The top of the git repository DIR (`root`) is in, as git finds it: the nearest directory at or above it holding `.git`; undefined outside one. */
async function repositoryTop(root: string): Promise<string | undefined> {
  for (let at = root; ; at = dirname(at)) {
    if (await exists(join(at, ".git"))) return at;
    if (at === dirname(at)) return undefined;
  }
}

/**
 * A run on a subdirectory reads DIR's configuration only: when DIR has none but a directory above
 * it, up to the git root (`top`), or outside a repository up to the file system's root (as eslint and
 * prettier look for theirs: a copied tree has no git root, and its configuration is still the one above), has one,
 * its targets (their policies keep downgrades out) and overrides would not apply, and a release candidate would
 * reach every environment. Why the run is refused, with the run that applies them (`update <that directory> --path <DIR>`)
 * and the flag that runs without (`--config none`); undefined when nothing is above. `dir` is DIR as given: the paths are
 * said as it is written, relative or absolute.
 */
async function configAbove(root: string, top: string | undefined, dir: string, paths: readonly string[]): Promise<string | undefined> {
  if (top === root || root === dirname(root) || (await configIn(root)) !== undefined) return undefined;
  const nearest = await nearestConfigured(dirname(root), top);
  if (nearest === undefined) return undefined;
  const { at, config } = nearest;
  return (
    `${dir} has no configuration of its own, so ${spelt(dir, config)} would not be read: its targets, their policies and its overrides ` +
    `would not apply, and this run would edit every file alike; to apply them, run: ${runFrom(at, root, dir, paths)}; ` +
    `to run without a configuration, add --config ${NO_CONFIG}`
  );
}

/** The run on `at` (a directory above DIR, `root`) that updates what this one does: DIR, or its --path globs, as --path from `at`. */
function runFrom(at: string, root: string, dir: string, paths: readonly string[]): string {
  const inside = posixRelative(at, root);
  const scoped = (paths.length > 0 ? paths.map((path) => posix.join(inside, path)) : [inside]).map((path) => `--path ${path}`).join(" ");
  return `gitops-promote update ${spelt(dir, at)} ${scoped}`;
}

/**
 * A run on a subdirectory of a repository (`top`) reads no Flux object beside it: a marker key its ImagePolicy in `flux-system/`
 * defines is said undefined there. The request's definedAbove: where that ImagePolicy is, and the run from the repository's root
 * that reads it, as configAbove gives one. Asked only of a DIR with no configuration, nor any above it (configAbove), so that run reads none either.
 */
function fluxPolicyAbove(root: string, top: string, dir: string, paths: readonly string[]): (key: string) => string | undefined {
  const defining = policiesAbove(top, posixRelative(top, root));
  return (key) => {
    const policy = defining(key);
    return (
      policy &&
      `its ImagePolicy is in ${spelt(dir, join(top, policy.file))}:${policy.line}, outside ${dir}, so this run does not read it; to read it, run: ${runFrom(top, root, dir, paths)}`
    );
  };
}

/** The configuration a run on `at` reads by default (configPathsOf's names), if `at` has one: a link that leads nowhere too, which the engine refuses. */
async function configIn(at: string): Promise<string | undefined> {
  for (const name of configPathsOf({})) if (await lstat(join(at, name)).catch(() => undefined)) return join(at, name);
  return undefined;
}

/**
 * The nearest directory from `from` up to `top` (one at or above it; the file system's root when undefined) that holds a configuration,
 * with that configuration; undefined when none does.
 */
async function nearestConfigured(from: string, top: string | undefined): Promise<{ at: string; config: string } | undefined> {
  for (let at = from; ; at = dirname(at)) {
    const config = await configIn(at);
    if (config !== undefined) return { at, config };
    if (at === top || at === dirname(at)) return undefined;
  }
}

/**
 * `--config` as the engine reads it: relative to DIR, like --set and --path. An absolute path
 * must lie inside DIR, because a configuration's target paths are relative to the tree it configures.
 * `none` reads none (NO_CONFIG); a file so named is given as `./none`, and passed on so.
 */
async function configInTree(root: string, file: string): Promise<string> {
  if (file === NO_CONFIG) return NO_CONFIG;
  if (file === "")
    throw new UsageError(
      `--config is empty: name the configuration file, relative to DIR, leave --config out for ${DEFAULT_CONFIG}, or give none for no configuration`,
    );
  // Looked for as the engine reads it, as a --set file is: `\` is `/`, and a name the engine reads no file by is refused.
  const inside = await inTree(root, slashSeparated(file));
  if (inside === undefined) throw new UsageError(`--config ${file} is not inside ${root}: its target paths would not name files of this tree`);
  const leftOut = leftOutName(inside);
  if (leftOut) throw new UsageError(`--config: ${leftOut}`);
  const notFile = await notAFile(root, inside);
  if (notFile) throw new UsageError(`--config ${file} ${await notFileSaid(notFile, root, inside)}`);
  return inside === NO_CONFIG ? `./${inside}` : inside;
}

/**
 * Whether a command's arguments ask for --json, read before (and whatever) parsing them says, so
 * that a refusal of the arguments themselves is one JSON object too. Arguments after `--` are DIRs.
 * `--json=true`, which parsing refuses, asks for it too: the script reads stdout as JSON all the same.
 */
function asksForJson(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some(
    (arg) => arg === "--json" || (arg.startsWith("--json=") && !["", "false", "0", "no", "off"].includes(arg.slice("--json=".length).toLowerCase())),
  );
}

/** The commands, each with its help. */
const COMMANDS: Readonly<Record<string, string>> = { update: UPDATE_HELP, dispatch: DISPATCH_HELP };

/** `gitops-promote help [COMMAND]`: the command's help, as `COMMAND --help` prints it, or the overview. */
function help(topics: readonly string[], io: Io): number {
  const [topic] = topics;
  if (topics.length > 1) throw new UsageError(`help takes one command, got ${topics.length}: ${topics.join(" ")}`);
  if (topic !== undefined && !(topic in COMMANDS)) throw new UsageError(unknownCommand(topic, []));
  io.stdout(topic === undefined ? HELP : COMMANDS[topic]!);
  return EXIT_OK;
}

const OVERVIEW_OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

/**
 * `--version`, `--help [COMMAND]` and `help [COMMAND]`. Every argument is read before the first
 * acts, as a command's own are (`update --help --bogus`) and as common CLIs do (GNU `ls --version
 * --bogus` is refused): a mistyped option beside them is bad usage, not passed over.
 */
function overview(argv: string[], io: Io): number {
  const [first] = argv;
  const { positionals } = parse(argv, OVERVIEW_OPTIONS);
  if (first === "help") return help(positionals.slice(1), io);
  if (first === "--help" || first === "-h") return help(positionals, io);
  if (positionals.length > 0) throw new UsageError(`${first} takes no arguments, got ${positionals.join(" ")}`);
  return (io.stdout(`${pkg.version}\n`), EXIT_OK);
}

/**
 * An unknown command, said with the command most likely meant: a mistyped name (`updte`), or
 * the command left out, an option or DIR given first (`gitops-promote --image …`): the command
 * whose option comes first.
 */
function unknownCommand(command: string, rest: readonly string[]): string {
  const unknown = `unknown command ${JSON.stringify(command)}`;
  const typo = closest(command, Object.keys(COMMANDS));
  if (typo) return `${unknown}${didYouMean(typo)}`;
  const option = [command, ...rest]
    .find((arg) => arg.startsWith("--"))
    ?.slice(2)
    .split("=")[0];
  const owner = option === undefined ? undefined : option in UPDATE_OPTIONS ? "update" : option in DISPATCH_OPTIONS ? "dispatch" : undefined;
  if (owner === undefined) return unknown;
  return `${unknown}: the command comes first${didYouMean(`gitops-promote ${owner} ${command}${rest.length > 0 ? " ..." : ""}`)}`;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "update":
        return await runUpdate(rest, io);
      case "dispatch":
        return await runDispatch(rest, io);
      case "--version":
      case "-v":
      case "--help":
      case "-h":
      case "help":
        return overview(argv, io);
      case undefined:
        // Bad usage: the help goes where errors go, and stdout stays empty for a script that reads it.
        return (io.stderr(HELP), EXIT_USAGE);
      default:
        throw new UsageError(unknownCommand(command, rest));
    }
  } catch (error) {
    const fileError = fileErrorSaid(error);
    const message = fileError ?? (error as Error).message;
    // --json promises one JSON object on stdout: a refusal is one too, bad usage included.
    if (command === "update" && asksForJson(rest)) printJson(io, jsonRefusal(error instanceof RequestError ? error.issues : [{ message }]));
    // What was made and sent before a failure, and why it failed, as one object too.
    if (command === "dispatch" && asksForJson(rest)) printJson(io, failureReport(error));
    if (error instanceof UsageError) {
      const help = command === "update" || command === "dispatch" ? `gitops-promote ${command} --help` : "gitops-promote --help";
      // A refusal that finds several things says one a line (dispatch's --image and its advice): each an error, as update says its issues.
      const said = error.message.split("\n").map((line) => `${formatError({ message: line })}\n`);
      io.stderr(`${said.join("")}Run '${help}' for usage.\n`);
      return EXIT_USAGE;
    }
    // A --payload that is not valid is bad input from the user, as an --image that is not one is.
    if (command === "update" && error instanceof PayloadError) {
      io.stderr(`${formatError({ message: error.message })}\nnothing was written\n`);
      return EXIT_USAGE;
    }
    if (error instanceof RequestError) {
      io.stderr(error.issues.map((issue) => `${formatError(issue)}\n`).join("") + "nothing was written\n");
      return error.issues.some(isUsage) ? EXIT_USAGE : EXIT_FAILED;
    }
    // A file of the tree this user may not read, or a dry run's diff that could not be printed: the tree is as it was
    // (writePlan leaves no file half-written, and says so itself when it cannot put one back).
    if (command === "update" && (fileError !== undefined || error instanceof OutputError)) {
      io.stderr(`${formatError({ message })}\nnothing was written\n`);
      return EXIT_FAILED;
    }
    io.stderr(`${formatError({ message })}\n`);
    return EXIT_FAILED;
  }
}
