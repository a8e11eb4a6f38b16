/**
 * Values filled in after this tool, where a placeholder in them is replaced: Flux's postBuild
 * substitution (`${VAR}`, `${VAR:=default}`) and templates (`{{tag}}`, `{{.tag}}`, most often
 * an Argo CD ApplicationSet's generator parameters). Their version is set where the placeholder
 * is filled in, so such a field is never edited: a warning names its placeholders and where to
 * set the version instead; a `--set` of the field answers that warning (placeholderFieldOf).
 */
import { formatImageRef } from "../image/reference.js";
import { staleImageIn, type ImageUpdate } from "../image/update.js";
import { isFlowScalar, type FlowScalar, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { EditPlan } from "./plan.js";

/** One kind of placeholder: how it opens, its names as a warning spells them, and what fills it in. */
interface Filler {
  readonly opens: string;
  readonly names: (text: string) => string[];
  readonly unnamed: string;
  readonly source: string;
}

const FILLERS: readonly Filler[] = [
  {
    opens: "${",
    // `${VAR:=default}` is named `${VAR}`: the variable to set.
    names: (text) => Array.from(text.matchAll(/\$\{\w+/g), ([start]) => `${start}}`),
    unnamed: "${...}",
    source: "the substitution variables (a Flux Kustomization's spec.postBuild.substitute or substituteFrom)",
  },
  {
    opens: "{{",
    names: (text) => Array.from(text.matchAll(/\{\{.*?\}\}/g), ([name]) => name),
    unnamed: "{{...}}",
    source: "the template's parameters (an Argo CD ApplicationSet's generators, such as a list generator's elements)",
  },
];

/** What every warning of a field left to its placeholder says, after the placeholders it names. */
const NOT_EDITED = ", which is not edited: its version comes from ";

/** Whether `text` holds a placeholder something fills in after this tool. */
export function hasPlaceholder(text: string): boolean {
  return FILLERS.some((filler) => text.includes(filler.opens));
}

/** `with <its placeholders>, which is not edited: <where its version comes from>; set it there`, for a field holding `text`. */
function placeholderReason(text: string): string {
  const filler = FILLERS.find((f) => text.includes(f.opens)) ?? FILLERS[0]!;
  const names = [...new Set(filler.names(text))].join(", ") || filler.unnamed;
  return `with ${names}${NOT_EDITED}${filler.source}, which this tool does not edit; set it there`;
}

/**
 * The field (`image.tag`, as formatPath wrote it) a warning of a field left to its placeholder is
 * about, so that a `--set` of that field, which writes it after all, answers it; undefined for any other warning.
 */
export function placeholderFieldOf(message: string): string | undefined {
  if (!message.includes(NOT_EDITED)) return undefined;
  const at = message.search(/ (?:sets the \w+ of|builds a reference of) /);
  return at > 0 ? message.slice(0, at) : undefined;
}

/**
 * The first of `fields` (a tag, a digest) that holds a placeholder, named in a warning: the
 * image's version is filled in there, so none of them is edited. False when none holds one.
 */
export function warnPlaceholderField(
  fields: Readonly<Record<string, { readonly node: YamlNode | null | undefined; readonly path: readonly PathSegment[] } | undefined>>,
  name: string,
  plan: EditPlan,
): boolean {
  for (const [part, field] of Object.entries(fields)) {
    const node = field?.node;
    if (field && isFlowScalar(node) && hasPlaceholder(node.text)) {
      plan.warn(node.start, `${formatPath(field.path)} sets the ${part} of ${name} ${placeholderReason(node.text)}`);
      return true;
    }
  }
  return false;
}

/** An image building an incoming repository's reference with a placeholder: its version is what fills it in, out of reach. */
export function warnSubstituted(node: FlowScalar, path: readonly PathSegment[], incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const stale = plan.isClaimed(node) ? undefined : staleImageIn(node.text, incoming);
  if (!stale) return;
  plan.warn(node.start, `${formatPath(path)} builds a reference of ${formatImageRef(stale)} ${placeholderReason(node.text)}`);
}
