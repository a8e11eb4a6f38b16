/**
 * A Helm parameter holding a bare incoming repository under a name no pair rule reads
 * (`worker.image.repo`, as Image Updater's `helm.image-name` may name it): its tag is a parameter
 * beside it no rule moves. Named with the override that sets the tag, and with what it is about,
 * so that an override naming the field answers the warning (overrides.ts). The same holds for a
 * values mapping's keys, as Image Updater's `helmvalues` write-back writes them under those names.
 */
import type { WarningAbout } from "../change.js";
import { isTag, tryParseImageRef } from "../image/reference.js";
import { nextVersion, versionOf, type ImageUpdate } from "../image/update.js";
import type { HelmField } from "./helm.js";
import { isFlowScalar, type MapNode, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { hasPlaceholder } from "./placeholder.js";
import type { EditPlan } from "./plan.js";
import { leafOf, parameterName } from "./argocd-parameters.js";

/** Leaves that hold no version beside a repository. */
const NOT_VERSIONS = new Set(["registry", "pullPolicy", "digest", "repository", "name"]);

/**
 * A parameter holding exactly an incoming repository under a name no pair rule reads
 * (`worker.image.repo`, as image-updater's `helm.image-name` annotation may name it), with
 * parameters beside it under the same prefix: its tag is one of those (`worker.image.version`),
 * which no rule moves, so Argo CD keeps deploying the old tag. Named at the repository, with the
 * override that sets the tag (with the `file` it is in, when the request names one, so that the entry can be
 * copied as it is); a sibling named like a tag or version is the one named, when there is one.
 */
export function warnUnpairedRepositories(
  parameters: readonly [string, HelmField][],
  incoming: ReadonlyMap<string, ImageUpdate>,
  file: string | undefined,
  plan: EditPlan,
  naming: "parameter" | "key" = "parameter",
): void {
  const byPrefix = new Map<string, [string, HelmField][]>();
  for (const parameter of parameters) {
    const [prefix] = leafOf(parameter[0]);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), parameter]);
  }
  for (const [name, field] of parameters) {
    const node = field.node;
    if (!isFlowScalar(node) || plan.isClaimed(node)) continue;
    const ref = tryParseImageRef(node.text);
    if (!ref || ref.tag !== undefined || ref.digest !== undefined || !incoming.has(ref.repository)) continue;
    const [prefix, leaf] = leafOf(name);
    const group = byPrefix.get(prefix)!;
    // `repository` or `name` beside `tag` is a pair the Helm rule moves.
    if ((leaf === "repository" || leaf === "name") && group.some(([other]) => leafOf(other)[1] === "tag")) continue;
    // Only a sibling that reads as a tag: offering `image.pullSecret` would have its override write the version there.
    const likely = group.filter(([other, f]) => other !== name && !plan.isClaimed(f.node) && readsAsTag(other, f.node));
    const [tagName, tagField] = likely[0] ?? [];
    if (!tagName || !tagField || !isFlowScalar(tagField.node)) continue;
    // A tag the generator fills in is said at itself; one at the incoming tag, or that its policy keeps, needs nothing.
    if (hasPlaceholder(tagField.node.text) || nextVersion(incoming.get(ref.repository)!, versionOf(tagField.node.text, undefined)) === undefined) continue;
    // A parameter is told by its name; a values key by its place, which is its name.
    const parameter = naming === "parameter";
    const said = ([n, f]: [string, HelmField]) => (parameter ? parameterName(n) : formatPath(f.path));
    const which =
      likely.length === 1
        ? `${parameter ? "parameter " : ""}${said(likely[0]!)} beside it likely holds its tag`
        : `one of ${parameter ? "the parameters " : ""}${likely.map(said).join(", ")} beside it likely holds its tag`;
    const { advice, about } = overrideAdvice(formatPath(tagField.path), ref.repository, { ...(file !== undefined && { file }), part: "tag" });
    plan.warn(
      node.start,
      `${formatPath(field.path)}${parameter ? ` (parameter ${parameterName(name)})` : ""} holds ${ref.repository} with no tag, under a name no rule pairs with a tag; ${which}, and it was not moved: ${advice}`,
      undefined,
      about,
    );
  }
}

/** Keys whose bare repository another rule reads: a container's or element's `image` (named as having no tag), a kustomize entry's `name` and `newName`. */
const READ_ELSEWHERE = new Set(["image", "name", "newName"]);

/**
 * A values mapping (at `path`) holding exactly an incoming repository under a key no pair rule reads, beside a key
 * that reads as its tag (`worker: {image: {repo: ghcr.io/acme/worker, version: 1.4.2}}`, as image-updater's
 * `helmvalues` write-back writes it under `helm.image-name: worker.image.repo`): the tag is left, so it is named at
 * the repository as such a parameter is. Only plain keys count (`repo`, `image_tag`), not an annotation's
 * (`argocd-image-updater.argoproj.io/allow-tags`), whose mapping holds no image.
 */
export function warnUnpairedValues(
  map: MapNode,
  path: readonly PathSegment[],
  incoming: ReadonlyMap<string, ImageUpdate>,
  file: string | undefined,
  plan: EditPlan,
): void {
  // Every values mapping of the file comes here: one holding no value that may be an incoming repository is passed over at once.
  if (!map.pairs.some(({ value }) => isFlowScalar(value) && mayNameIncoming(value.text, incoming))) return;
  const keys = map.pairs.flatMap(({ key, value }): [string, HelmField][] =>
    key.kind === "scalar" && /^[A-Za-z_][\w-]*$/.test(key.text) && !READ_ELSEWHERE.has(key.text)
      ? [[key.text, { node: value, path: [...path, key.text], inFlow: map.flow }]]
      : [],
  );
  warnUnpairedRepositories(keys, incoming, file, plan, "key");
}

/** The last path segment of each incoming repository (`worker` of `ghcr.io/acme/worker`), once per request's images. */
const lastSegments = new WeakMap<ReadonlyMap<string, ImageUpdate>, readonly string[]>();

/** Whether `text` ends with an incoming repository's last path segment, as any reference to that repository with no tag does. */
function mayNameIncoming(text: string, incoming: ReadonlyMap<string, ImageUpdate>): boolean {
  let names = lastSegments.get(incoming);
  if (names === undefined) {
    names = [...incoming.keys()].map((repository) => repository.slice(repository.lastIndexOf("/") + 1));
    lastSegments.set(incoming, names);
  }
  return names.some((name) => text.endsWith(name));
}

/** Whether a parameter reads as a tag: named like one (`image.version`), or holding a version under a name that holds no version beside a repository. */
export function readsAsTag(name: string, value: YamlNode | null): boolean {
  const [, leaf] = leafOf(name);
  return !NOT_VERSIONS.has(leaf) && (/tag|version/i.test(leaf) || holdsVersion(value));
}

/** A value that reads as a version (`1.4.0`, `v2.1`), not a port (`8080`) or a secret's name. */
function holdsVersion(node: YamlNode | null): boolean {
  return isFlowScalar(node) && isTag(node.text) && /^v?\d+\.\d/.test(node.text);
}

/**
 * The end of a warning that a field was not moved: the override that sets it (`spec` `key`, `image`
 * `repository`; `file`, which every caller gives when the request names the file, so that the entry can be
 * copied as it is; `part`
 * where only the tag goes there, and `subject` naming the field set where "it" would not); and
 * what the warning is then about, so that an override naming that field answers it.
 */
export function overrideAdvice(
  key: string,
  repository: string,
  { file, part, subject = "it" }: { readonly file?: string; readonly part?: "tag"; readonly subject?: string } = {},
): { readonly advice: string; readonly about: WarningAbout } {
  const entry = `${file === undefined ? "" : `file: ${file}, `}spec: ${key}, image: ${repository}${part === undefined ? "" : `, part: ${part}`}`;
  return {
    advice: `set ${subject} with an overrides: entry in the configuration (${entry})`,
    about: { field: key, reason: "advised-override" },
  };
}
