/**
 * The KCL image editor (DESIGN §2.6–2.7): image string literals matched by repository, and
 * string literals carrying a Flux setter marker in their line's comment. Only the bytes
 * between the quotes change, and of a literal written with escapes only the characters that
 * differ. Literals that are not exactly an image reference (`${...}` interpolations, anything
 * with spaces or quotes) are never touched, nor is anything inside a comment.
 */
import { type EditRequest, type EditResult } from "../change.js";
import { type ImageRef } from "../image/reference.js";
/**
 * What the overrides of a file set, for what its interpolations' warnings would ask for: an
 * interpolation they take care of is not warned about (the advice of its warning was followed).
 */
export interface Overridden {
    /** Repositories a configured override sets in the file (overriddenIn): every interpolation building their references. */
    readonly repositories?: ReadonlySet<string>;
    /**
     * Paths a `--set` spec sets in the file, as formatOverridePath writes them (`_tag`, `cfg.tag`):
     * an interpolation whose version is such a variable, or that is in such a field, or anything in either.
     */
    readonly paths?: ReadonlySet<string>;
}
/**
 * Whether a KCL text spells `image`'s repository across concatenated literals (`"ghcr.io/acme/" + "app:1.0.0"`,
 * or `"ghcr.io/acme/" + "app:" + _tag`, up to the `:` a variable's version follows), which no one string holds:
 * the editor names such a reference (warnUnreached), so the file holds the image. A text KCL cannot lex holds none so.
 */
export declare function spellsAcrossLiterals(text: string, image: ImageRef): boolean;
/**
 * The byte screen of KCL files, the engine's and editKcl's own: whether a text may hold a marker
 * or one of `images`, as its screen token or, for a reference built on a registry constant
 * (`_registry + "/web:"`), the path's last segment, or spelt across literals (CONCATENATED_PATHS).
 */
export declare function kclScreen(images: readonly ImageRef[]): (text: string) => boolean;
/**
 * Whether a KCL text may build `image`'s reference on a registry constant (`_registry =
 * "ghcr.io/acme"` and `_registry + "/web:"`): it spells the repository up to its last segment
 * as a string, and that segment after a `/`. Such a file holds the image though it never spells it.
 */
export declare function mayBuildOnRegistry(text: string, image: ImageRef): boolean;
/**
 * Update image references in a KCL file: string literals in assignments and config/schema
 * literals whose repository matches one of `request.images` (new version from
 * nextVersion, name kept as written), and literals marked with a Flux `$imagepolicy`
 * comment (`request.setters`). `overridden` is what the overrides of this file set
 * (overriddenIn). Throws SourceError when a file that may match does not
 * tokenize or parse; a file that cannot match (screened by bytes) is returned as is.
 */
export declare function editKcl(text: string, request: EditRequest, overridden?: Overridden): EditResult;
