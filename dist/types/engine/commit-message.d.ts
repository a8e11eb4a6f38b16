/**
 * Commit messages: our default (`chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4` and the
 * files), or a user template with Flux's data model so an ImageUpdateAutomation's
 * `messageTemplate` keeps working when a repo moves from Flux to this Action.
 *
 * Templates are rendered by go-template.ts. Maps range in sorted key order, objects by their
 * fields as Go's text/template ranges struct keys (fmtsort), so the same change always gives the
 * same message, Flux's. `.Changed.Changes` is in file and line order (Flux's follows Go's random
 * map order).
 */
import type { Change } from "../change.js";
import { type ImageRef } from "../image/reference.js";
/** What a commit message is made from. */
export interface CommitMessageInput {
    readonly changes: readonly Change[];
    /** The incoming images (inputs, payload and setter values), to name what was promoted. */
    readonly images: readonly ImageRef[];
    /** `.AutomationObject`: who automates; we use the repository (`owner/name`). */
    readonly automation: {
        readonly namespace: string;
        readonly name: string;
    };
    /** `.Values`: extra strings for the template. */
    readonly values?: Readonly<Record<string, string>> | undefined;
}
/** The message for a commit: the template rendered when one is given, our default otherwise. Throws TemplateError for a template that does not parse or fails while running. */
export declare function commitMessage(template: string | undefined, input: CommitMessageInput): string;
/** True when `template` gives our default message (none, or a blank one). */
export declare function isDefaultMessage(template: string | undefined): boolean;
/**
 * `message` crediting `people` with GitHub's `Co-authored-by: Name <email>` trailers, one a
 * line, after a blank line at its end. A trailer paragraph the message already ends with (a
 * template's `Signed-off-by:`) takes them in: git reads only the last paragraph as trailers.
 */
export declare function withCoAuthors(message: string, people: readonly {
    readonly name: string;
    readonly email: string;
}[]): string;
/** How our default subject begins: a Conventional Commits type and scope. */
export declare const DEFAULT_SUBJECT_TYPE = "chore(deploy): ";
/** `chore(deploy): <image> <old> -> <new>[, …]`, a blank line, and the changed files. */
export declare function defaultCommitMessage(input: CommitMessageInput): string;
/** A value written to a field: a change, or the pull request's row of one. */
export interface WrittenValue {
    readonly file: string;
    readonly old: string;
    readonly new: string;
}
/**
 * `<image> <old>[, <old>] -> <new>`: the incoming `image` and the versions the `values` that
 * write it replaced, as `imageVersion` gives them; undefined when none writes it. A file's tag
 * field and digest field held one version between them (`1.2.0@sha256:111111111111`), told as one.
 * The new version is writtenVersion's. The commit subject and the pull request's title both
 * say it, so they word a change alike.
 */
export declare function promotion(image: ImageRef, values: readonly WrittenValue[]): string | undefined;
/** The version of `image` the `values` wrote: with its digest only when one of them took it (a tag field alone takes the tag). */
export declare function writtenVersion(image: ImageRef, values: readonly WrittenValue[]): string;
/**
 * How a field's `value` writes `image`: as the whole reference (its repository, at a tag or
 * digest), its tag, its digest, or its tag pinned by its digest (a Helm `tag: 1.3.0@sha256:…`,
 * split-image.ts); undefined when it does not.
 */
export declare function writtenPart(value: string, image: ImageRef): "reference" | "tag" | "digest" | "pinned-tag" | undefined;
