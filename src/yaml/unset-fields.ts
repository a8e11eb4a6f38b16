/**
 * The version fields of an image mapping a run leaves whole (a kustomize `images:` entry's newTag and digest,
 * a Helm `{repository, tag}` pair's tag and digest) that it would have set: named in one warning, with why the
 * mapping is left. The reasons are the editors' own, but for a mapping a Flux marker claims in part, which
 * every editor of such mappings leaves as Flux does (markedReason).
 */
import type { EditPlan } from "./plan.js";
import { isFlowScalar, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { heldText } from "./version-write.js";

/** A version field of a left mapping, and what the run would have set it to. */
export interface UnsetField {
  /** Its key, as the mapping writes it (newTag, tag, digest). */
  readonly key: string;
  /** Where the warning names it: the mapping's path and its key. */
  readonly path: readonly PathSegment[];
  /** Its value; undefined where the mapping does not write the field. */
  readonly node: YamlNode | null | undefined;
  /** What it holds as this run leaves it (leftText); undefined where not written. */
  readonly held: string | undefined;
  /** What the run's version decision would have it hold; undefined: nothing. */
  readonly value: string | undefined;
  /** The suffix of the Flux marker that sets it (`{"$imagepolicy": "ns:name:tag"}`). */
  readonly suffix: "tag" | "digest";
}

/** What a field holds once this run's plan is applied: a marker may have set it. */
export function leftText(plan: EditPlan, root: YamlNode | null, node: YamlNode | null | undefined): string | undefined {
  return isFlowScalar(node) ? plan.valueOf(node) : heldText(plan, root, node);
}

/**
 * Names the `fields` whose value the run would change from what it leaves them holding, saying why (`reason`, given
 * them) and for which `image` (the reference it would have set, of `repository`): at the first such field written,
 * else at `start`, the mapping's. Nothing when none would change.
 */
export function warnUnset(
  plan: EditPlan,
  { start, image, repository }: { readonly start: number; readonly image: string; readonly repository: string },
  fields: readonly UnsetField[],
  reason: (unset: readonly UnsetField[]) => string,
): void {
  const unset = fields.filter((field) => field.value !== undefined && field.value !== field.held);
  if (unset.length === 0) return;
  const named = [formatPath(unset[0]!.path), ...unset.slice(1).map((field) => field.key)].join(" and ");
  plan.warn(
    unset.find((field) => field.node)?.node?.start ?? start,
    `${named} ${unset.length > 1 ? "are" : "is"} not set for ${image}: ${reason(unset)}`,
    undefined,
    { reason: "unmoved", image: repository },
  );
}

/**
 * Why a mapping (named `mapping`) whose `marked` fields a Flux marker claims leaves the unset ones: Flux sets only the
 * fields its markers mark, and so does this run; marking them too (with the same setter's suffix for each) has them
 * set, and one the mapping does not write is added, marked, first.
 */
export function markedReason(mapping: string, marked: readonly string[]): (unset: readonly UnsetField[]) => string {
  return (unset) =>
    `${mapping} has a Flux marker on ${marked.join(" and ")}, so it is left to its markers, as Flux sets only the fields they mark; ` +
    `${markAdvice(unset)} too to have ${unset.length > 1 ? "them" : "it"} set`;
}

/** Mark the fields written; add those that are not, marked: a marker needs a value to sit after. */
function markAdvice(unset: readonly UnsetField[]): string {
  const written = unset.filter((field) => field.node !== undefined).map(({ key, suffix }) => `${key} (its setter's ":${suffix}")`);
  const missing = unset.filter((field) => field.node === undefined).map(({ key, suffix }) => `${key}: (marked with its setter's ":${suffix}")`);
  const listed = (verb: string, fields: readonly string[]) => (fields.length > 0 ? [`${verb} ${fields.join(" and ")}`] : []);
  return [...listed("mark", written), ...listed("add", missing)].join(" and ");
}
