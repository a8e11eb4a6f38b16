import { type ImageUpdate } from "../image/update.js";
import { type FlowScalar, type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import type { EditPlan } from "./plan.js";
/** Whether `text` holds a placeholder something fills in after this tool. */
export declare function hasPlaceholder(text: string): boolean;
/** A list generator element's value a plain placeholder reads (`imageTag` for `{{ .imageTag }}`): where a version is set. */
export interface GeneratorElement {
    readonly path: PathSegment[];
    readonly value: string;
}
/**
 * The elements of the document's list generators whose value `placeholder` reads, when it is a
 * plain name (`{{ .imageTag }}`, `{{imageTag}}`), that hold a `part` of `update`'s image it moves;
 * undefined when it is no plain name or no element holds it (then its value comes from elsewhere).
 * Read once per document, update and placeholder: an ApplicationSet may template thousands of
 * references from thousands of elements.
 */
export declare function staleElements(root: YamlNode | null, placeholder: string, part: "tag" | "digest", update: ImageUpdate): readonly GeneratorElement[] | undefined;
/**
 * `spec.generators[0].list.elements[0].imageTag holds 1.2.0, …`, a few of them and how many more.
 * Only those named are formatted (cappedList counts the others), once for each list
 * staleElements gives: every reference templated from it names the same.
 */
export declare function elementsHolding(elements: readonly GeneratorElement[]): string;
/**
 * The first of `fields` (a tag, a digest) that holds a placeholder, named in a warning: the
 * image's version is filled in there, so none of them is edited. Said only where the file's
 * target would move a version of the image (`update`'s policy admits its tag), as for a
 * templated reference. False when none holds one.
 */
export declare function warnPlaceholderField(fields: Readonly<Record<string, {
    readonly node: YamlNode | null | undefined;
    readonly path: readonly PathSegment[];
} | undefined>>, name: string, update: ImageUpdate, plan: EditPlan): boolean;
/**
 * An image building an incoming repository's reference with a placeholder: its version is what
 * fills it in, out of reach. One whose repository is templated but whose version is literal
 * (`ghcr.io/acme/{{path.basename}}:2.0.0`) pins that version for every image it makes, so it is
 * not edited either (the others share it), but named when it can make an incoming repository
 * at another version. A kustomize `name=` string whose version is a placeholder is about the image `name`
 * (namedReference), whatever image it sets.
 */
export declare function warnSubstituted(node: FlowScalar, path: readonly PathSegment[], incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void;
/** The index of the first `char` of `text` outside its placeholders (`{{ $x := "a=b" }}`), or -1. */
export declare function literalIndexOf(text: string, char: string): number;
