/**
 * `.github/gitops-promote.yaml` (or `.yml`): targets (path globs, an image allow-list with policies,
 * delivery), setters (Flux marker keys to images) and overrides of KCL or YAML files (DESIGN §5).
 *
 * planUpdate reads it before it plans any edit. Every problem found here is reported at once,
 * each on its file and line as `<field path>: <what is wrong>`, so one run fixes them all.
 * An override's spec is checked against its file by planUpdate, on every run; a delivery's
 * commit-message is parsed here, and what only its data can tell (a field it lacks) when it is
 * rendered for a commit.
 * Pure: text (or the object it would parse to) in, typed configuration out.
 */
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from "yaml";
import type { Node, YAMLMap } from "yaml";
import { isBranchName } from "../branch-name.js";
import { mentionIssue } from "../github-name.js";
import { formatDiagnostic, type Diagnostic } from "../change.js";
import { parseImageRef, ImageRefError } from "../image/reference.js";
import { compileGoRegexp, unknownGroups } from "../image/go-regexp.js";
import { parsePolicy, PolicyError } from "../image/policy.js";
import type { Policy } from "../image/policy.js";
import { fileKind, kclModNotSet } from "./file-kind.js";
import { checkTemplate, TemplateError } from "./go-template.js";
import { globFault, slashSeparated } from "./path-glob.js";
import { targetOf } from "./targets.js";
import { andList } from "../text/and-list.js";
import { closest, didYouMean } from "../text/closest.js";

/**
 * The `config` that reads no configuration (`--config none`, the Action's `config: none`): a run
 * that means to go without one where one sits unread (a `gitops-promote.yaml` at the root). A
 * file so named is read as `./none`.
 */
export const NO_CONFIG = "none";

/** What a configuration file that is not UTF-8 is told: nothing of it is read, and a run without it would edit as if unconfigured. */
export const CONFIG_NOT_UTF8 = "not UTF-8 text, so none of it can be read; save the configuration as UTF-8";

/** The choices of `delivery.mode`, `merge` and `merge-method`, here and in the Action's inputs. */
export const DELIVERY_MODES = ["push", "pull-request", "none"] as const;
export const MERGE_MODES = ["none", "auto", "immediate"] as const;
export const MERGE_METHODS = ["merge", "squash", "rebase"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
/** When a delivery's pull request is merged: never, once GitHub's requirements are met, or now. */
export type MergeMode = (typeof MERGE_MODES)[number];
export type MergeMethod = (typeof MERGE_METHODS)[number];

/** How a target's changes land; absent fields fall back to the Action's inputs. */
export interface Delivery {
  readonly mode?: DeliveryMode;
  readonly merge?: MergeMode;
  readonly mergeMethod?: MergeMethod;
  /** Pull-request branch; default `gitops-promote/<target>`. */
  readonly branch?: string;
  readonly labels?: readonly string[];
  readonly reviewers?: readonly string[];
  readonly teamReviewers?: readonly string[];
  readonly assignees?: readonly string[];
  readonly draft?: boolean;
  readonly title?: string;
  /** Commit message template (DESIGN §4). */
  readonly commitMessage?: string;
}

/** One image a target allows. */
export interface TargetImage {
  /** Canonical repository (`docker.io/library/nginx`). */
  readonly repository: string;
  /** As written in the configuration (`nginx`). */
  readonly name: string;
  readonly policy?: Policy;
}

export interface Target {
  readonly name: string;
  /** Globs relative to the repository root (picomatch syntax); a directory stands for everything under it. */
  readonly paths: readonly string[];
  /** Line of each of `paths` in the configuration, for messages about it; empty for a configuration that is no text. */
  readonly pathLines: readonly number[];
  /** The allow-list: nothing else is edited in this target's paths. */
  readonly images: readonly TargetImage[];
  readonly delivery?: Delivery;
}

/** What a Flux marker key (`<ns>:<name>`) stands for. */
export interface SetterConfig {
  /** As written: what a `:name` marker and the plain marker write. */
  readonly name: string;
  readonly repository: string;
  readonly policy?: Policy;
}

/** The choices of an override's `part`, named after Flux's marker suffixes: `tag` writes what a `:tag` marker does. */
const OVERRIDE_PARTS = ["tag"] as const;
export type OverridePart = (typeof OVERRIDE_PARTS)[number];

/** An override: the field `spec` names in `file` (a KCL override path in a `.k` file, a dotted path in YAML), set from an incoming image. */
export interface OverrideConfig {
  readonly file: string;
  readonly spec: string;
  /** The image name as written, used in the value written. */
  readonly image: string;
  readonly repository: string;
  /** What the field holds of the image: only its tag (`repository` + `tag` fields); absent, the whole reference. */
  readonly part?: OverridePart;
  /** Line of its `file:` in the configuration, for messages about the override; none for a configuration that is no text. */
  readonly line?: number;
  /** Line of its `spec:`, for messages about the path. */
  readonly specLine?: number;
  /** Its place in the configuration's `overrides` list, entries refused counted, for messages (`overrides[2].file`). */
  readonly index: number;
}

export interface Config {
  readonly targets: readonly Target[];
  readonly setters: ReadonlyMap<string, SetterConfig>;
  readonly overrides: readonly OverrideConfig[];
}

export class ConfigError extends Error {
  /**
   * `issues`: on their file and line, each message `<path>: <what is wrong>`, in file order; the
   * error's message lists them, each after its file and line (`line 3: ` when the text has no file name).
   * `config`: what could be read, the entries in error left out, for checks of the tree (an
   * override's file) to report with these rather than in a second round once they are fixed.
   */
  constructor(
    readonly issues: readonly Diagnostic[],
    readonly config?: Config,
  ) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ConfigError";
  }
}

/** An issue as formatDiagnostic says it, or `line N: ...` for one of a text that has no file name: a message logged alone still says where. */
function formatIssue(issue: Diagnostic): string {
  return issue.file === undefined && issue.line !== undefined ? `line ${issue.line}: ${issue.message}` : formatDiagnostic(issue);
}

/** Kubernetes names: a DNS-1123 label for the namespace, a subdomain for the ImagePolicy. */
const SETTER_KEY = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?$/;
/** Target names become branch names (`gitops-promote/<target>`): a safe subset of git ref names. The payload's `targets` are held to it too. */
export const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** TARGET_NAME in words, for messages. */
export const TARGET_NAME_RULE = "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";

type Entries = Map<string, { key: Node; value: Node | null }>;

class Reader {
  readonly issues: { offset: number; issue: Diagnostic }[] = [];

  /** `lines` undefined: the document was made from an object, whose nodes have no place in a text. */
  constructor(
    private readonly file: string | undefined,
    readonly doc: Document,
    private readonly lines: LineCounter | undefined,
  ) {}

  /** An issue at `node`, or `below` lines under its first (a line of a block scalar). */
  issue(node: Node | null | undefined, path: string, message: string, below = 0): void {
    const offset = node?.range?.[0] ?? 0;
    const at = this.line(node);
    const line = at === undefined ? undefined : at + below;
    const where = { ...(this.file !== undefined && { file: this.file }), ...(line !== undefined && { line }) };
    this.issues.push({ offset, issue: { ...where, message: `${path ? `${path}: ` : ""}${message}` } });
  }

  line(node: Node | null | undefined): number | undefined {
    return this.lines?.linePos(node?.range?.[0] ?? 0).line;
  }

  /** A place named for a later message: `targets[0]`, with its line when there is one. */
  place(path: string, node: Node | null | undefined): string {
    const line = this.line(node);
    return line === undefined ? path : `${path}, line ${line}`;
  }

  /** The node an alias names; an alias naming no anchor before it stays itself, to be said as such (describe) at its own line. */
  resolve(node: Node | null): Node | null {
    return isAlias(node) ? ((node.resolve(this.doc) as Node | undefined) ?? node) : node;
  }

  /**
   * The key/value pairs of a mapping with only `allowed` keys, or undefined after an issue; with `extensions`, keys
   * starting with `x-` too, left out of the pairs.
   */
  mapping(node: Node | null, at: Node | null, path: string, allowed: readonly string[], extensions = false): Entries | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      this.issue(resolved ?? at, path, `must be a mapping${allowed.length > 0 ? ` with ${allowed.join(", ")}` : ""}, not ${describe(resolved)}`);
      return undefined;
    }
    return this.entries(resolved, path, allowed, extensions);
  }

  entries(map: YAMLMap, path: string, allowed?: readonly string[], extensions = false): Entries {
    const entries: Entries = new Map();
    for (const pair of map.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? key.value : undefined;
      if (typeof name !== "string") {
        this.issue(key, path, `keys must be strings, not ${describe(key)}`);
        continue;
      }
      // An extension key, as docker-compose and OpenAPI read `x-defaults: &d …`: a place for anchors, which nothing else reads.
      if (extensions && name.startsWith("x-")) continue;
      if (allowed && !allowed.includes(name)) {
        // A merge key reads as "<<" to YAML 1.2, the configuration's YAML: said as what it is, not as a key misspelt.
        const merge =
          name === "<<" ? "a YAML merge key, which the configuration does not read: write the keys out, or alias a whole value (`policy: *name`); " : "";
        const extension = extensions ? "; a key starting with x- holds anchors and is not read" : "";
        this.issue(key, join(path, name), `${merge}unknown key (expected ${allowed.join(", ")}${extension})`);
        continue;
      }
      // Checked here rather than by the parser, which reports a duplicate at the mapping's first line.
      const earlier = entries.get(name);
      if (earlier) {
        // Only a text repeats a key, so it has a line.
        this.issue(key, join(path, name), `duplicate key (first at line ${this.line(earlier.key)})`);
        continue;
      }
      entries.set(name, { key, value: this.resolve(pair.value as Node | null) });
    }
    return entries;
  }

  /** A required or optional field's value node, reporting a missing required one at `owner`. */
  field(entries: Entries, owner: Node | null, path: string, key: string, required: boolean): { node: Node | null; at: Node } | undefined {
    const entry = entries.get(key);
    if (!entry) {
      if (required) this.issue(owner, path, `${key} is required`);
      return undefined;
    }
    return { node: entry.value, at: entry.key };
  }

  string(node: Node | null, at: Node, path: string): string | undefined {
    if (isScalar(node) && typeof node.value === "string") {
      if (node.value.trim() === "") this.issue(node, path, "must not be empty");
      else return node.value;
      return undefined;
    }
    const hint =
      isScalar(node) && (typeof node.value === "number" || typeof node.value === "boolean") ? ` (quote it: "${node.source ?? String(node.value)}")` : "";
    this.issue(node ?? at, path, `must be a string, not ${describe(node)}${hint}`);
    return undefined;
  }

  /** The strings of a list, each that is one held to `check` (said at its line) when given: every item is said at once, not up to the first refused. */
  strings(node: Node | null, at: Node, path: string, nonEmpty: boolean, check?: (value: string, item: Node, path: string) => boolean): string[] | undefined {
    if (!isSeq(node)) {
      this.issue(node ?? at, path, `must be a list of strings, not ${describe(node)}`);
      return undefined;
    }
    if (nonEmpty && node.items.length === 0) {
      this.issue(node, path, "must not be empty");
      return undefined;
    }
    const values = node.items.map((item, i) => {
      const value = this.string(this.resolve(item as Node), node, `${path}[${i}]`);
      return value !== undefined && (!check || check(value, item as Node, `${path}[${i}]`)) ? value : undefined;
    });
    return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
  }

  oneOf<T extends string>(node: Node | null, at: Node, path: string, allowed: readonly T[]): T | undefined {
    const other = otherScalar(node);
    if (other !== undefined) {
      this.issue(node, path, `must be one of ${allowed.join(", ")}, not ${other}`);
      return undefined;
    }
    const value = this.string(node, at, path);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.issue(node, path, `must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}`);
    return undefined;
  }

  boolean(node: Node | null, at: Node, path: string): boolean | undefined {
    if (isScalar(node) && typeof node.value === "boolean") return node.value;
    this.issue(node ?? at, path, `must be true or false, not ${describe(node)}`);
    return undefined;
  }

  /**
   * A commit-message template that parses (checkTemplate). What is wrong is said at the template's
   * line in the file where a literal block (`|`) keeps its lines as the file's, one under its header,
   * or the template's first line is the value's; elsewhere with the line in the template.
   */
  template(node: Node | null, at: Node, path: string): string | undefined {
    const text = this.string(node, at, path);
    if (text === undefined) return undefined;
    try {
      checkTemplate(text);
      return text;
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const literal = isScalar(node) && node.type === Scalar.BLOCK_LITERAL;
      if (this.line(node) !== undefined && (literal || error.line === 1)) this.issue(node, path, error.reason, literal ? error.line : 0);
      else this.issue(node, path, `template line ${error.line}: ${error.reason}`);
      return undefined;
    }
  }

  /** A repository without tag or digest: `{ name as written, canonical repository }`. */
  repository(node: Node | null, at: Node, path: string): { name: string; repository: string } | undefined {
    const text = this.string(node, at, path);
    if (text === undefined) return undefined;
    try {
      const ref = parseImageRef(text);
      if (ref.tag !== undefined || ref.digest !== undefined) {
        this.issue(
          node,
          path,
          `${JSON.stringify(text)} has a ${ref.tag !== undefined ? "tag" : "digest"}; give the repository only (the incoming image brings the version)`,
        );
        return undefined;
      }
      return { name: ref.name, repository: ref.repository };
    } catch (error) {
      if (!(error instanceof ImageRefError)) throw error;
      this.issue(node, path, error.message);
      return undefined;
    }
  }

  /** A path inside the repository, `/`-separated (slashSeparated): relative, no `..`. */
  relativePath(value: string, node: Node | null, path: string): boolean {
    if (value.startsWith("/") || /^[A-Za-z]:\//.test(value)) this.issue(node, path, `must be relative to the repository root, not ${JSON.stringify(value)}`);
    else if (value.split("/").includes("..")) this.issue(node, path, `must stay inside the repository (no ".."): ${JSON.stringify(value)}`);
    else return true;
    return false;
  }

  /** A glob that reads as it looks (globFault): no `[` or `{` left open. */
  glob(value: string, node: Node | null, path: string): boolean {
    const fault = globFault(value);
    if (fault) this.issue(node, path, `${JSON.stringify(value)} ${fault}`);
    return fault === undefined;
  }

  policy(node: Node | null, at: Node, path: string): Policy | undefined {
    // Copied from argocd-image-updater's allow-tags, the pattern would be matched with its prefix and refuse every tag.
    // The rest of the policy is still read, so that every problem is said at once.
    const pattern = isMap(node) ? node.getIn(["filterTags", "pattern"], true) : undefined;
    const prefixed = isScalar(pattern) && typeof pattern.value === "string" && pattern.value.startsWith("regexp:");
    if (prefixed) this.issue(pattern, join(path, "filterTags", "pattern"), "`regexp:` is argocd-image-updater's prefix; filterTags takes the bare expression");
    try {
      const policy = parsePolicy(node?.toJS(this.doc) ?? null);
      return prefixed || !this.extractReadsGroups(node, path) ? undefined : policy;
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      for (const issue of error.issues) {
        const located = isMap(node) ? node.getIn(issue.path, true) : undefined;
        this.issue((located as Node | undefined) ?? node ?? at, join(path, ...issue.path), issue.message);
      }
      return undefined;
    }
  }
  /**
   * Whether filterTags' `extract` names only groups its (valid) pattern has: Flux expands `$nope` to nothing, so every
   * tag would rank as "", and the policy would refuse every tag (numerical) or pick one by chance, found only at a run.
   */
  private extractReadsGroups(node: Node | null, path: string): boolean {
    const pattern = isMap(node) ? node.getIn(["filterTags", "pattern"]) : undefined;
    const extract = isMap(node) ? node.getIn(["filterTags", "extract"], true) : undefined;
    if (typeof pattern !== "string" || !isScalar(extract) || typeof extract.value !== "string") return true;
    const re = compileGoRegexp(pattern);
    const unknown = unknownGroups(re, extract.value);
    if (unknown.length === 0) return true;
    const groups = re.groupNames.slice(1).map((name, i) => name ?? `${i + 1}`);
    this.issue(
      extract,
      join(path, "filterTags", "extract"),
      `${andList(unknown)} ${unknown.length === 1 ? "names" : "name"} no group of the pattern ` +
        `(${groups.length === 0 ? "it has none" : `its groups: ${groups.map((g) => `$${g}`).join(", ")}`}), so it expands to nothing for every tag`,
    );
    return false;
  }
}

function join(path: string, ...keys: readonly string[]): string {
  return keys.reduce((p, key) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `${p}${p ? "." : ""}${key}` : `${p}[${JSON.stringify(key)}]`), path);
}

/**
 * A scalar YAML reads as no string (`merge: true`, `part: 1`), described, for a field of a few
 * choices to list them: told to quote it, `"true"` would be none of them either. Undefined otherwise.
 */
function otherScalar(node: Node | null): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== "string" ? describe(node) : undefined;
}

function describe(node: Node | null | undefined): string {
  if (isAlias(node)) return `*${node.source}, an alias with no anchor &${node.source} before it`;
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (!isScalar(node) || node.value === null) return "nothing";
  return `${typeof node.value === "string" ? "a string" : `a ${typeof node.value}`} (${node.source ?? String(node.value)})`;
}

function readDelivery(r: Reader, node: Node | null, at: Node, path: string): Delivery | undefined {
  const keys = ["mode", "merge", "merge-method", "branch", "labels", "reviewers", "team-reviewers", "assignees", "draft", "title", "commit-message"];
  const entries = r.mapping(node, at, path, keys);
  if (!entries) return undefined;
  const get = (key: string) => r.field(entries, node, path, key, false);
  const mode = get("mode");
  const merge = get("merge");
  const mergeMethod = get("merge-method");
  const branch = get("branch");
  const labels = get("labels");
  const reviewers = get("reviewers");
  const teamReviewers = get("team-reviewers");
  const assignees = get("assignees");
  const draft = get("draft");
  const title = get("title");
  const commitMessage = get("commit-message");
  const delivery: Delivery = {
    ...(mode && { mode: r.oneOf(mode.node, mode.at, join(path, "mode"), DELIVERY_MODES) }),
    ...(merge && { merge: r.oneOf(merge.node, merge.at, join(path, "merge"), MERGE_MODES) }),
    ...(mergeMethod && { mergeMethod: r.oneOf(mergeMethod.node, mergeMethod.at, join(path, "merge-method"), MERGE_METHODS) }),
    ...(branch && { branch: r.string(branch.node, branch.at, join(path, "branch")) }),
    ...(labels && { labels: r.strings(labels.node, labels.at, join(path, "labels"), false) }),
    ...(reviewers && { reviewers: r.strings(reviewers.node, reviewers.at, join(path, "reviewers"), false) }),
    ...(teamReviewers && { teamReviewers: r.strings(teamReviewers.node, teamReviewers.at, join(path, "team-reviewers"), false) }),
    ...(assignees && { assignees: r.strings(assignees.node, assignees.at, join(path, "assignees"), false) }),
    ...(draft && { draft: r.boolean(draft.node, draft.at, join(path, "draft")) }),
    ...(title && { title: r.string(title.node, title.at, join(path, "title")) }),
    ...(commitMessage && { commitMessage: r.template(commitMessage.node, commitMessage.at, join(path, "commit-message")) }),
  };
  if (delivery.branch !== undefined && !isBranchName(delivery.branch)) {
    r.issue(branch?.node, join(path, "branch"), `${JSON.stringify(delivery.branch)} is not a valid branch name`);
  }
  // Whom to request: a mention (`@octocat`) is refused here, as GitHub would refuse it only once the pull request is open.
  for (const [key, entry, names] of [
    ["reviewers", reviewers, delivery.reviewers],
    ["team-reviewers", teamReviewers, delivery.teamReviewers],
    ["assignees", assignees, delivery.assignees],
  ] as const) {
    names?.forEach((name, i) => {
      const mention = mentionIssue(name);
      if (mention) r.issue(isSeq(entry?.node) ? (entry.node.items[i] as Node) : entry?.at, `${join(path, key)}[${i}]`, mention);
    });
  }
  // Merging is about a pull request; with a direct push there is none.
  if (delivery.mode !== undefined && delivery.mode !== "pull-request") {
    for (const [key, entry] of [
      ["merge", merge],
      ["merge-method", mergeMethod],
      ["draft", draft],
      ["reviewers", reviewers],
      ["team-reviewers", teamReviewers],
      ["assignees", assignees],
      ["labels", labels],
    ] as const) {
      if (entry) r.issue(entry.at, join(path, key), `only applies to mode pull-request (mode is ${delivery.mode})`);
    }
  }
  return delivery;
}

function readImages(r: Reader, node: Node | null, at: Node, path: string): TargetImage[] {
  if (!isSeq(node) || node.items.length === 0) {
    r.issue(node ?? at, path, isSeq(node) ? "must not be empty (it is the list of images this target allows)" : `must be a list, not ${describe(node)}`);
    return [];
  }
  const images: TargetImage[] = [];
  const seen = new Map<string, string>();
  node.items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    const itemNode = r.resolve(item as Node);
    const entries = r.mapping(itemNode, node, itemPath, ["repository", "policy"]);
    if (!entries) return;
    const repository = r.field(entries, itemNode, itemPath, "repository", true);
    const policy = r.field(entries, itemNode, itemPath, "policy", false);
    const ref = repository && r.repository(repository.node, repository.at, join(itemPath, "repository"));
    const parsedPolicy = policy && r.policy(policy.node, policy.at, join(itemPath, "policy"));
    if (!ref) return;
    const earlier = seen.get(ref.repository);
    if (earlier !== undefined) {
      r.issue(repository!.node, join(itemPath, "repository"), `${ref.repository} is already listed (${earlier})`);
      return;
    }
    seen.set(ref.repository, r.place(itemPath, repository!.node));
    images.push({ ...ref, ...(parsedPolicy && { policy: parsedPolicy }) });
  });
  return images;
}

function readTargets(r: Reader, node: Node | null, at: Node): Target[] {
  if (!isSeq(node)) {
    r.issue(node ?? at, "targets", `must be a list, not ${describe(node)}`);
    return [];
  }
  // Targets are an allow-list: an empty one would read as no targets, every image allowed everywhere, the opposite of a list that allows nothing.
  if (node.items.length === 0) {
    r.issue(node, "targets", "is empty; remove it to let every incoming image apply everywhere, or list at least one target (name, paths, images)");
    return [];
  }
  const targets: Target[] = [];
  const names = new Map<string, string>();
  node.items.forEach((item, i) => {
    const path = `targets[${i}]`;
    const targetNode = r.resolve(item as Node);
    const entries = r.mapping(targetNode, node, path, ["name", "paths", "images", "delivery"]);
    if (!entries) return;
    const nameField = r.field(entries, targetNode, path, "name", true);
    const pathsField = r.field(entries, targetNode, path, "paths", true);
    const imagesField = r.field(entries, targetNode, path, "images", true);
    const deliveryField = r.field(entries, targetNode, path, "delivery", false);

    let name = nameField && r.string(nameField.node, nameField.at, `${path}.name`);
    if (name !== undefined && !TARGET_NAME.test(name)) {
      r.issue(nameField!.node, `${path}.name`, `${JSON.stringify(name)} ${TARGET_NAME_RULE} (it names a branch)`);
      name = undefined;
    }
    if (name !== undefined && names.has(name)) {
      r.issue(nameField!.node, `${path}.name`, `duplicate target name ${JSON.stringify(name)} (also ${names.get(name)})`);
      name = undefined;
    }
    if (name !== undefined) names.set(name, r.place(path, nameField!.node));

    // Spelled with Windows separators, a glob means what the CLI's --path and the Action's paths mean by it.
    // Every refused path is named, not the first only, beside an item that is no string.
    const usable = (glob: string, item: Node | null, at: string) => r.relativePath(glob, item, at) && r.glob(glob, item, at);
    const paths =
      pathsField &&
      r.strings(pathsField.node, pathsField.at, `${path}.paths`, true, (glob, item, at) => usable(slashSeparated(glob), item, at))?.map(slashSeparated);
    const images = imagesField ? readImages(r, imagesField.node, imagesField.at, `${path}.images`) : [];
    const delivery = deliveryField && readDelivery(r, deliveryField.node, deliveryField.at, `${path}.delivery`);
    if (name !== undefined && paths) {
      const pathLines = isSeq(pathsField!.node) ? pathsField!.node.items.flatMap((item) => r.line(item as Node) ?? []) : [];
      targets.push({ name, paths, pathLines, images, ...(delivery && { delivery }) });
    }
  });
  return targets;
}

function readSetters(r: Reader, node: Node | null, at: Node): Map<string, SetterConfig> {
  const setters = new Map<string, SetterConfig>();
  if (!isMap(node)) {
    r.issue(node ?? at, "setters", `must be a mapping of marker keys ("<namespace>:<policy>") to images, not ${describe(node)}`);
    return setters;
  }
  for (const [key, entry] of r.entries(node, "setters")) {
    const path = join("setters", key);
    if (!SETTER_KEY.test(key)) {
      const suffix = /:(tag|name|digest)$/.exec(key);
      r.issue(
        entry.key,
        path,
        suffix
          ? `drop the ":${suffix[1]}" suffix: one setter serves the plain, :tag, :name and :digest markers`
          : `a setter key is "<namespace>:<policy name>" as in the marker # {"$imagepolicy": "flux-system:app"}`,
      );
    }
    const entries = r.mapping(entry.value, entry.key, path, ["image", "policy"]);
    if (!entries) continue;
    const image = r.field(entries, entry.value, path, "image", true);
    const policy = r.field(entries, entry.value, path, "policy", false);
    const ref = image && r.repository(image.node, image.at, join(path, "image"));
    const parsedPolicy = policy && r.policy(policy.node, policy.at, join(path, "policy"));
    if (ref && SETTER_KEY.test(key)) setters.set(key, { ...ref, ...(parsedPolicy && { policy: parsedPolicy }) });
  }
  return setters;
}

/**
 * `overrides:`, each checked against `targets` (undefined when they could not all be read, so
 * that an entry of a target refused is not taken for one missing).
 */
function readOverrides(r: Reader, node: Node | null, at: Node, targets: readonly Target[] | undefined): OverrideConfig[] {
  if (!isSeq(node)) {
    r.issue(node ?? at, "overrides", `must be a list, not ${describe(node)}`);
    return [];
  }
  const overrides: OverrideConfig[] = [];
  node.items.forEach((item, i) => {
    const path = `overrides[${i}]`;
    const itemNode = r.resolve(item as Node);
    const entries = r.mapping(itemNode, node, path, ["file", "spec", "image", "part"]);
    if (!entries) return;
    const fileField = r.field(entries, itemNode, path, "file", true);
    const specField = r.field(entries, itemNode, path, "spec", true);
    const imageField = r.field(entries, itemNode, path, "image", true);
    const partField = r.field(entries, itemNode, path, "part", false);
    const given = fileField && r.string(fileField.node, fileField.at, `${path}.file`);
    const file = given === undefined ? undefined : slashSeparated(given);
    let fileOk = file !== undefined && r.relativePath(file, fileField!.node, `${path}.file`);
    if (fileOk && fileKind(file!) === undefined) {
      r.issue(fileField!.node, `${path}.file`, `${JSON.stringify(file)} is neither a KCL (.k) nor a YAML file`);
      fileOk = false;
    } else if (fileOk && fileKind(file!) === "kcl-mod") {
      r.issue(fileField!.node, `${path}.file`, `${JSON.stringify(file)}: ${kclModNotSet()}`);
      fileOk = false;
    }
    let spec = specField && r.string(specField.node, specField.at, `${path}.spec`);
    const kcl = fileKind(file ?? "") === "kcl";
    // A key in quotes (`a["x=y"]`, in a KCL spec and a YAML path alike) may hold what would otherwise be an operator.
    const bare = spec === undefined ? undefined : outsideQuotedKeys(spec);
    if (bare?.includes("=")) {
      r.issue(
        specField!.node,
        `${path}.spec`,
        `is the path only (${JSON.stringify(spec!.slice(0, bare.indexOf("=")).replace(/\+$/, ""))}); the value comes from the incoming image`,
      );
      spec = undefined;
    }
    const operator = spec !== undefined && kcl ? kclOperator(bare!) : undefined;
    if (operator !== undefined) {
      r.issue(
        specField!.node,
        `${path}.spec`,
        `is a path: the -O operator "${operator}" is not allowed here (the override sets the field from the incoming image)`,
      );
      spec = undefined;
    }
    let ref = imageField && r.repository(imageField.node, imageField.at, `${path}.image`);
    const never = fileOk && ref && targets ? neverApplies(file!, ref, targets) : undefined;
    if (never) {
      r.issue(imageField!.node, `${path}.image`, never);
      ref = undefined;
    }
    const part = partField && readPart(r, partField.node, partField.at, `${path}.part`);
    if (fileOk && spec !== undefined && ref && (!partField || part)) {
      const line = r.line(fileField!.node);
      const specLine = r.line(specField!.node);
      overrides.push({
        file: file!,
        spec,
        image: ref.name,
        repository: ref.repository,
        ...(part && { part }),
        ...(line !== undefined && { line }),
        ...(specLine !== undefined && { specLine }),
        index: i,
      });
    }
  });
  return overrides;
}

/**
 * Why an override of `file` setting from `image` can never apply with the configured `targets`:
 * the target of its file does not allow the image (told the nearest the target allows, if any).
 * Undefined for a file in no target, whose override is skipped with a warning when its image comes
 * (DESIGN §5's own example is one): a name near a listed one there may be another image
 * (`ghcr.io/acme/api` beside `ghcr.io/acme/app`), and refusing it would stop every run. Undefined
 * without targets too, where any image may come and one that does not is simply not set.
 */
function neverApplies(file: string, image: { name: string; repository: string }, targets: readonly Target[]): string | undefined {
  const target = targets.length === 0 ? undefined : targetOf(targets)(file);
  if (target === undefined || target.images.some((other) => other.repository === image.repository)) return undefined;
  const meant = closest(image.name, new Set(target.images.map((other) => other.name)));
  return `target ${target.name}, whose paths hold ${file}, does not allow ${image.name}, so this override never applies${didYouMean(meant)}`;
}

/** `part: tag`; the whole reference needs no key, so that is what a wrong value is told. */
function readPart(r: Reader, node: Node | null, at: Node, path: string): OverridePart | undefined {
  const other = otherScalar(node);
  const value = other === undefined ? r.string(node, at, path) : undefined;
  if (value !== undefined && (OVERRIDE_PARTS as readonly string[]).includes(value)) return value as OverridePart;
  if (value === undefined && other === undefined) return undefined;
  r.issue(
    node,
    path,
    `must be ${OVERRIDE_PARTS.join(" or ")} (a field holding only the image's tag), not ${other ?? JSON.stringify(value)}; leave part out to write the whole reference`,
  );
  return undefined;
}

/**
 * The `-O` operator a KCL spec holds outside its quoted keys (`:`, or a trailing `-`), if any:
 * `a.b.image-` pasted from a `kcl -O` command would otherwise read as a key named `image-`.
 */
function kclOperator(outsideKeys: string): string | undefined {
  if (outsideKeys.includes(":")) return ":";
  return outsideKeys.trimEnd().endsWith("-") ? "-" : undefined;
}

/** A reader of the configuration's text; throws ConfigError when it is no YAML. */
function readerOfText(text: string, file: string | undefined): Reader {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    // An error found at the very end (an unclosed bracket) is reported on the last line, not after it.
    const line = (offset: number) => lines.linePos(Math.min(offset, text.trimEnd().length)).line;
    // Said as the manifests' parse errors are: the yaml package's words alone do not say it is the file's syntax.
    // A text nested thousands deep overflows the package's stack, which it reports (in more than one place) as the text's error.
    const overflow = doc.errors.find((e) => /call stack|stack overflow/i.test(e.message));
    throw new ConfigError(
      (overflow ? [overflow] : doc.errors).map((e) => ({
        ...(file !== undefined && { file }),
        line: line(e.pos[0]),
        // The yaml package's advice for this one is its own API's.
        message:
          e === overflow
            ? `nested too deep to read (${e.message})`
            : e.code === "MULTIPLE_DOCS"
              ? "holds several YAML documents (---); the configuration is one document"
              : `not valid YAML: ${e.message}`,
      })),
    );
  }
  return new Reader(file, doc, lines);
}

/** A KCL path with each quoted key blanked, at the same offsets (`a["x=y"].b` -> `a[     ].b`): what is left is the path's own syntax. */
function outsideQuotedKeys(spec: string): string {
  return spec.replace(/\[\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\]/g, (key) => `[${" ".repeat(key.length - 2)}]`);
}

/**
 * Parse and validate the configuration: its YAML text, or the object that text would parse to
 * (`{ targets: [{ name, paths, images }] }`, keys as the file spells them), checked alike, its
 * issues then on no line. `file` names where it is in each issue. Throws ConfigError listing every problem.
 */
export function parseConfig(source: string | object, file?: string): Config {
  const r = typeof source === "string" ? readerOfText(source, file) : new Reader(file, new Document(source), undefined);
  const doc = r.doc;
  const root = r.resolve(doc.contents as Node | null);
  let config: Config = { targets: [], setters: new Map(), overrides: [] };
  if (root !== null && !(isScalar(root) && root.value === null)) {
    const entries = r.mapping(root, root, "", ["targets", "setters", "overrides"], true);
    if (entries) {
      const targetsField = r.field(entries, root, "", "targets", false);
      const settersField = r.field(entries, root, "", "setters", false);
      const overridesField = r.field(entries, root, "", "overrides", false);
      const issuesBefore = r.issues.length;
      const targets = targetsField ? readTargets(r, targetsField.node, targetsField.at) : [];
      const everyTarget = r.issues.length === issuesBefore;
      const setters = settersField ? readSetters(r, settersField.node, settersField.at) : new Map<string, SetterConfig>();
      const overrides = overridesField ? readOverrides(r, overridesField.node, overridesField.at, everyTarget ? targets : undefined) : [];
      config = { targets, setters, overrides };
    }
  }
  if (r.issues.length > 0)
    throw new ConfigError(
      r.issues.sort((a, b) => a.offset - b.offset).map((i) => i.issue),
      config,
    );
  return config;
}
