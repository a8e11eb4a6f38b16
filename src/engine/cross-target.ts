/**
 * A change that reaches another target than its file's: a kustomize base in one target's paths
 * that another target's overlay builds as written (no `images:` entry or patch of its own setting
 * the version) deploys what this target writes there too, through this target's delivery, whatever the other
 * target's policy and pull request say. Nothing stops it (the configuration asks for it), but the
 * summary names only the file's target, so each such field says where else it goes and how to keep it apart.
 */
import { posix } from "node:path";
import type { Change, FieldWarning } from "../change.js";
import { repositoryPattern, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { andList } from "../text/and-list.js";
import { writtenPart, writtenVersion } from "./commit-message.js";
import type { Config, Target } from "./config.js";
import { deployedAsWrittenBy } from "./deployed-as-written.js";
import { isKustomizationFile } from "../yaml/kustomize.js";
import type { KustomizeTree } from "./kustomize-graph.js";
import type { ValidRequest } from "./request.js";
import { allowance } from "./targets.js";

/** What the check reads of a run (plan.ts's RunContext). */
export interface CrossTargetRun {
  readonly valid: Pick<ValidRequest, "images" | "setters">;
  /** Every file of the tree. */
  readonly files: readonly string[];
  readonly config: Pick<Config, "targets"> | undefined;
  /** The target a file belongs to among all configured. */
  readonly ownerOf: (path: string) => Target | undefined;
}

/** A file the run edits: its new text and its changes. */
export interface EditedFile {
  readonly path: string;
  readonly after: string;
  readonly changes: readonly Change[];
}

/**
 * A warning at each changed field that a kustomization of another target builds and deploys as
 * written (deployed-as-written.ts), naming the nearest such kustomization of each
 * such target, whether that target's allow-list or policy refuses the version, and whether its
 * changes go by pull request. The tree's kustomizations (`kustomizations`, read once per run) are
 * read only with two targets or more and an edited file in or below a directory holding one:
 * kustomize reads no file outside a kustomization's directory.
 */
export async function reachingOtherTargets(
  run: CrossTargetRun,
  planned: readonly EditedFile[],
  kustomizations: () => Promise<KustomizeTree>,
): Promise<FieldWarning[]> {
  if ((run.config?.targets.length ?? 0) < 2) return [];
  const directories = new Set(run.files.filter(isKustomizationFile).map((file) => posix.dirname(file)));
  const built = planned.filter(({ path, changes }) => changes.length > 0 && ancestors(path).some((directory) => directories.has(directory)));
  if (built.length === 0) return [];
  const images = [...run.valid.images, ...run.valid.setters.values()];
  const deployedBy = deployedAsWrittenBy(await kustomizations(), images);
  const warnings: FieldWarning[] = [];
  for (const { path, after, changes } of built) {
    const owner = run.ownerOf(path);
    for (const change of changes) {
      const image = imageOf(change, images, after);
      if (!image) continue;
      // The nearest kustomization of each other target.
      const others = new Map<Target, string>();
      for (const k of deployedBy({ file: path, text: after }, image.repository).by) {
        const target = run.ownerOf(k);
        if (target && target !== owner && !others.has(target)) others.set(target, k);
      }
      if (others.size > 0) warnings.push({ file: path, line: change.line, message: reachMessage(path, owner, change, image, others) });
    }
  }
  return warnings;
}

/** The directories a path is in, from its own up to the root (`.`). */
function ancestors(path: string): string[] {
  const directories: string[] = [];
  for (let directory = posix.dirname(path); ; directory = posix.dirname(directory)) {
    directories.push(directory);
    if (directory === "." || directory === "/") return directories;
  }
}

/** The incoming image a change wrote (as a commit message tells it), the one the file spells first when a bare tag is several's. */
function imageOf(change: Change, images: readonly ImageRef[], text: string): ImageRef | undefined {
  const wrote = images.filter((image) => writtenPart(change.new, image) !== undefined);
  return wrote.find((image) => repositoryPattern(image).test(text)) ?? wrote[0];
}

function reachMessage(path: string, owner: Target | undefined, change: Change, image: ImageRef, others: ReadonlyMap<Target, string>): string {
  const targets = [...others.keys()];
  const one = targets.length === 1;
  const names = andList(targets.map((t) => t.name));
  const builders = one ? [...others.values()][0]! : andList([...others].map(([target, k]) => `${k} (${target.name})`));
  const outside = targets.flatMap((target) => {
    const allows = allowance(target, image);
    if (allows.refused === "policy") return [`outside ${target.name}'s policy (${allows.allowed.policy.description})`];
    return allows.refused === "unlisted" ? [`though ${target.name} does not allow ${image.repository}`] : [];
  });
  const reviewed = targets.filter((target) => target.delivery?.mode === "pull-request").map((t) => t.name);
  if (reviewed.length > 0) outside.push(reviewed.length === 1 ? `without ${reviewed[0]}'s pull request` : `without the pull requests of ${andList(reviewed)}`);
  return (
    `also deployed by ${one ? "target" : "targets"} ${names}: ${builders} ${one ? "builds" : "build"} this file and ${one ? "sets" : "set"} no version of ${image.repository}, ` +
    `so this change${owner ? ` of target ${owner.name}` : ""} deploys ${writtenVersion(image, [change])} there too${outside.length > 0 ? `, ${outside.join(", ")}` : ""}; ` +
    `to keep it ${owner ? `to ${owner.name}` : "out of there"}, ${ownVersion(change, image)}` +
    (owner ? `, or move ${posix.dirname(path)} out of ${owner.name}'s paths` : "")
  );
}

/**
 * How each overlay gives the field its own version: an `images:` entry for a container image, which kustomize
 * matches by the name the manifest writes; a patch of the field for a Helm tag (a HelmRelease's values), which
 * no `images:` entry rewrites.
 */
function ownVersion(change: Change, image: ImageRef): string {
  if (change.kind === "helm") return `give each overlay its own tag with a patch setting ${change.key}`;
  const written = tryParseImageRef(change.new);
  const name = written?.repository === image.repository ? written.name : image.name;
  return `give each overlay its own version in images: (name: ${name}, newTag: …)`;
}
