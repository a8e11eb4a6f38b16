/**
 * argocd-image-updater's own configuration in a tree: its Application annotations
 * (`argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2`, ...) and its v1.x
 * `ImageUpdater` objects (`imageName: ghcr.io/acme/web:1.2.x`). They name images with update
 * constraints, never an image Argo CD deploys: no rule edits them, and the warnings about places
 * left at an old version do not count them. The one thing in them that decides versions, a semver
 * constraint, gitops-promote does not read: it is said where it refuses the version a run writes.
 * Read line by line, as written in block style; a file that does not name the API group is not looked at.
 */
import type { Change, Warning } from "../change.js";
import { parsePolicy, PolicyError, type Policy } from "../image/policy.js";
import { normalizeRepository, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { ARGO_IMAGE_UPDATER } from "../yaml/api-groups.js";
import { indentOf } from "../yaml/indentation.js";
import type { Allowance } from "./targets.js";

const GROUP_PATTERN = escapeRegExp(ARGO_IMAGE_UPDATER);
/** An annotation's line: its key's quote, name after the group, and value. Before the key, indentation or flow separation only (a `\u00a0` there is the key's text). */
const ANNOTATION = new RegExp(String.raw`^[ \t]*(["']?)${GROUP_PATTERN}([\w.-]+)\1\s*:(.*)$`);
const OWN_API = new RegExp(String.raw`^apiVersion:\s*["']?${GROUP_PATTERN}`);
const IMAGE_NAME = /^\s*(?:-\s+)?imageName:\s*(.*)$/;
const UPDATE_STRATEGY = /updateStrategy["']?:\s*["']?([\w-]*)/;

/** `text` with the values of image-updater's annotations and its own documents blanked out, lines and offsets kept. */
export function withoutImageUpdater(text: string): string {
  if (!text.includes(ARGO_IMAGE_UPDATER)) return text;
  const lines = text.split("\n");
  for (const document of documents(lines)) {
    if (document.some((i) => OWN_API.test(lines[i]!))) {
      for (const i of document) lines[i] = blank(lines[i]!);
      continue;
    }
    for (let k = 0; k < document.length; k++) {
      const i = document[k]!;
      const match = ANNOTATION.exec(lines[i]!);
      if (!match) continue;
      const value = lines[i]!.length - match[3]!.length;
      const indent = indentOf(lines[i]!);
      lines[i] = lines[i]!.slice(0, value) + blank(lines[i]!.slice(value));
      // A value folded or written as a block scalar goes on over the lines indented deeper than its key.
      while (k + 1 < document.length && continues(lines[document[k + 1]!]!, indent)) {
        k++;
        lines[document[k]!] = blank(lines[document[k]!]!);
      }
    }
  }
  return lines.join("\n");
}

/**
 * A warning for each constraint of image-updater's that refuses the tag an incoming image brings,
 * when the run writes that tag somewhere (`changes`): image-updater would not have chosen it, and a
 * team moving to gitops-promote keeps that rule only as a target policy. `texts` are the files in
 * scope. An annotation is its Application's, judged by its file's target; an ImageUpdater object
 * picks Applications by name wherever it is, so it is judged by each target whose files the run
 * wrote the tag in, where both would write. A target that keeps the image out (`ruleOf`, a file's
 * target and its allowance of the image) has that rule, and one whose policy admits the tag chose
 * another: the annotation or object is then said to be left over.
 */
export function warnImageUpdaterConstraints(
  images: readonly ImageRef[],
  texts: readonly (readonly [string, string])[],
  changes: readonly Change[],
  ruleOf: (path: string, image: ImageRef) => (Allowance & { readonly target: string }) | undefined,
  warnings: Warning[],
): void {
  const written = images.filter((image) => image.tag !== undefined && changes.some((change) => writes(change, image)));
  if (written.length === 0) return;
  for (const [path, text] of texts) {
    if (!text.includes(ARGO_IMAGE_UPDATER)) continue;
    for (const constraint of constraintsIn(text)) {
      for (const image of written) {
        if (constraint.repository !== image.repository || constraint.policy.latest([image.tag!]) !== undefined) continue;
        const files = constraint.object ? changes.filter((change) => writes(change, image)).map((change) => change.file) : [path];
        const rules = new Map(files.map((file) => ruleOf(file, image)).map((rule) => [rule?.target, rule]));
        for (const rule of rules.values()) {
          if (rule?.refused) continue;
          const advice = rule?.allowed.policy
            ? `target ${rule.target}'s policy (${rule.allowed.policy.description}) admits it, and gitops-promote does not read the ${constraint.object ? "ImageUpdater object" : "annotation"}: if that is meant, remove it`
            : `gitops-promote does not read it: give it as ${rule ? `target ${rule.target}'s` : "a target"} policy, semver: {range: "${constraint.range}"}`;
          warnings.push({
            file: path,
            line: constraint.line,
            message: `${image.repository} moves to ${image.tag}, which argocd-image-updater's constraint ${constraint.range} (${constraint.where}) does not allow; ${advice}`,
          });
        }
      }
    }
  }
}

/**
 * Whether a change writes the image's tag: a reference of its repository at that tag
 * (`[name=]image`, kustomize's `name=*:tag`), or the tag alone, as a tag field holds it
 * (with a digest after it, if pinned). Not `1.2` for a change to `…:1.2.3`.
 */
function writes(change: Change, image: ImageRef): boolean {
  const value = change.new.slice(change.new.lastIndexOf("=") + 1).replace(/^\*:/, "");
  if (value === image.tag || value.startsWith(`${image.tag}@`)) return true;
  const ref = tryParseImageRef(value);
  return ref?.repository === image.repository && ref.tag === image.tag;
}

interface Constraint {
  readonly repository: string;
  readonly range: string;
  readonly policy: Policy;
  readonly where: string;
  /** Of an ImageUpdater object, not an Application's annotation. */
  readonly object: boolean;
  /** 1-based. */
  readonly line: number;
}

/** The semver constraints of image-updater's annotations and ImageUpdater objects in `text`; an image of another update strategy has none. */
function constraintsIn(text: string): Constraint[] {
  const lines = text.split("\n");
  const found: Constraint[] = [];
  for (const document of documents(lines)) {
    if (document.some((i) => OWN_API.test(lines[i]!))) {
      // A strategy may be set for all images, an app or one image: any but semver leaves the object unjudged.
      if (document.some((i) => (UPDATE_STRATEGY.exec(lines[i]!)?.[1] ?? "semver") !== "semver")) continue;
      for (const i of document) {
        const match = IMAGE_NAME.exec(lines[i]!);
        const constraint = match && constraintOf(unquoted(match[1]!), "object", i + 1);
        if (constraint) found.push(constraint);
      }
      continue;
    }
    const annotations = new Map<string, { value: string; line: number }>();
    for (const i of document) {
      const match = ANNOTATION.exec(lines[i]!);
      if (match) annotations.set(match[2]!, { value: unquoted(match[3]!), line: i + 1 });
    }
    const list = annotations.get("image-list");
    if (!list) continue;
    for (const entry of list.value.split(",")) {
      const eq = entry.indexOf("=");
      const alias = eq === -1 ? undefined : entry.slice(0, eq).trim();
      const strategy = alias === undefined ? undefined : annotations.get(`${alias}.update-strategy`)?.value;
      if (strategy !== undefined && strategy !== "semver") continue;
      const constraint = constraintOf(entry.slice(eq + 1).trim(), "annotation", list.line);
      if (constraint) found.push(constraint);
    }
  }
  return found;
}

/**
 * `ghcr.io/acme/web:~1.2` -> the repository and its semver constraint, from an ImageUpdater object's
 * imageName or an Application's image-list annotation; undefined without one, or with one that is no semver range.
 */
function constraintOf(image: string, source: "object" | "annotation", line: number): Constraint | undefined {
  const colon = image.lastIndexOf(":");
  if (colon <= image.lastIndexOf("/")) return undefined;
  const repository = normalizeRepository(image.slice(0, colon));
  const range = image.slice(colon + 1);
  if (!repository || range === "") return undefined;
  try {
    const where = source === "object" ? "its imageName" : "its image-list annotation";
    return { repository, range, policy: parsePolicy({ semver: { range } }), where, object: source === "object", line };
  } catch (error) {
    if (error instanceof PolicyError) return undefined;
    throw error;
  }
}

/** The line indexes of each YAML document of `lines`. */
function documents(lines: readonly string[]): number[][] {
  const all: number[][] = [[]];
  lines.forEach((line, i) => (line.startsWith("---") ? all.push([]) : all[all.length - 1]!.push(i)));
  return all;
}

/** Whether a line goes on the value of a key indented `indent`: a blank one, or one indented deeper (indentOf: in spaces, as YAML indents). */
function continues(line: string, indent: number): boolean {
  return /^[ \t]*\r?$/.test(line) || indentOf(line) > indent;
}

function blank(text: string): string {
  return text.replace(/[^\r]/g, " ");
}

function unquoted(value: string): string {
  const text = value.replace(/\s+#.*$/, "").trim();
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
