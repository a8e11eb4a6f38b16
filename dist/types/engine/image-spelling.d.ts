/**
 * Where a text spells an image's repository, in any registry spelling of it, and what each
 * spelling reads as: the reading that tells whether a file holds an image and where it is left behind.
 */
import { type ImageRef } from "../image/reference.js";
/**
 * `text` as what it deploys, lines and offsets kept: the objects of image automation, which name a
 * repository to watch and never a version anything runs (argocd-image-updater's annotations and
 * objects, Flux's ImageRepository and ImagePolicy objects), blanked out.
 */
export declare function deployedText(text: string): string;
/**
 * Where the text first spells the image's repository: a reference to it in any registry spelling, or its
 * path alone (a Helm `repository:` beside its `registry:`), never another registry's repository of the same
 * path (`mirror.acme.io/acme/app` for ghcr.io/acme/app) nor a longer one ending in it (`bitnami/nginx` for nginx).
 */
export declare function spelledAt(text: string, image: ImageRef): number | undefined;
/** A spelling of an image's path in a text: the whole reference written there, where it starts, what it reads as, and whether it is the path alone. */
interface Spelling {
    readonly at: number;
    readonly reference: string;
    readonly ref: ImageRef | undefined;
    readonly bare: boolean;
}
/** Each spelling of the image's path (screenToken's) as a whole word, with its version if one follows, and its registry if one is written before it. */
export declare function spellingsOf(text: string, image: ImageRef): Spelling[];
/** Whether a reference holds the incoming image's version: its tag and digest where both spell one, the one the image brings where the reference spells only the other. */
export declare function holdsVersionOf(ref: ImageRef, image: ImageRef): boolean;
export {};
