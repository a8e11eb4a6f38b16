import { type ImageUpdate } from "../image/update.js";
import { type FlowScalar, type YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
import type { EditPlan } from "./plan.js";
/** Whether `text` holds a placeholder something fills in after this tool. */
export declare function hasPlaceholder(text: string): boolean;
/**
 * The first of `fields` (a tag, a digest) that holds a placeholder, named in a warning: the
 * image's version is filled in there, so none of them is edited. False when none holds one.
 */
export declare function warnPlaceholderField(fields: Readonly<Record<string, {
    readonly node: YamlNode | null | undefined;
    readonly path: readonly PathSegment[];
} | undefined>>, name: string, plan: EditPlan): boolean;
/**
 * An image building an incoming repository's reference with a placeholder: its version is what
 * fills it in, out of reach. One whose repository is templated but whose version is literal
 * (`ghcr.io/acme/{{path.basename}}:2.0.0`) pins that version for every image it makes, so it is
 * not edited either (the others share it), but named when it can make an incoming repository
 * at another version.
 */
export declare function warnSubstituted(node: FlowScalar, path: readonly PathSegment[], incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void;
/** The index of the first `char` of `text` outside its placeholders (`{{ $x := "a=b" }}`), or -1. */
export declare function literalIndexOf(text: string, char: string): number;
