/**
 * An update request as a person or a workflow states it (strings, as on the command line
 * or in Action inputs), and its validation. Everything here is checked before the tree
 * is read for editing, so bad input never leaves a half-edited tree.
 */
import { SourceError, type Diagnostic } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import { type OverrideOperation } from "../kcl/override-spec.js";
import { type Renamed } from "../yaml/path.js";
import type { Config } from "./config.js";
import { type FileKind } from "./file-kind.js";
import { type FieldNamer, type RequestField } from "../field-name.js";
/** What to update; at least one image, setter or set. */
export interface UpdateRequest {
    /** Incoming image references (`ghcr.io/acme/app:1.2.4[@sha256:…]`); default none. */
    readonly images?: readonly string[] | undefined;
    /** Flux marker keys with an explicit value: `automation-ns:policy=repo:tag[@digest]`; default none. */
    readonly setters?: readonly string[] | undefined;
    /** Override specs for one file: `main.k:config.containers.app.image="repo:tag"`, `values.yaml:image.tag=1.2.3`; default none. */
    readonly sets?: readonly string[] | undefined;
    /** Globs (relative to the root) restricting which files are scanned; default (empty) all. */
    readonly paths?: readonly string[] | undefined;
    /**
     * Where the root is in its repository (`clusters`, as `git rev-parse --show-prefix` says it), for what
     * the tree names from the repository's root: an ImageUpdateAutomation's `spec.update.path`; default ""
     * (the root is the repository's).
     */
    readonly pathInRepository?: string | undefined;
    /**
     * The configuration: a file relative to the root, by default `.github/gitops-promote.yaml` when it
     * exists; `"none"` (NO_CONFIG) for none, where one sits unread (a file so named is `./none`); or
     * one parseConfig made, which no file of the tree then replaces (its overrides are still
     * checked against the tree, and messages name it "the configuration").
     */
    readonly config?: string | Config | undefined;
    /** Restrict the update to these configured targets (a dispatch payload's `targets`). */
    readonly targets?: readonly string[] | undefined;
    readonly allowDowngrade?: boolean | undefined;
    /** Let override specs create a missing path instead of failing. */
    readonly create?: boolean | undefined;
    /** How messages name a value of a field, as the face it came from spells it (`--image`, `input images`); default `image[0]`. */
    readonly fieldName?: FieldNamer | undefined;
    /**
     * For a Flux marker key nothing the run reads defines, asked only as that is about to be said: where an ImagePolicy
     * outside the root (in the repository above it) defines it and the run that reads it, in the face's words (the CLI's: `its
     * ImagePolicy is in flux-system/podinfo.yaml:9, outside clusters/my-cluster, …; to read it, run: gitops-promote update . --path
     * clusters/my-cluster`), said in place of keeping the ImagePolicy in the tree; undefined when nothing there defines it. Default: nothing is looked for.
     */
    readonly definedAbove?: ((key: string) => string | undefined) | undefined;
}
export type { FieldNamer, NamedField, RequestField, RequestSwitch } from "../field-name.js";
/**
 * One problem of a RequestError. `field` is set when the request is wrong rather than the tree, and
 * says what in it:
 * - a RequestField: a value given for that field cannot be used, whatever the tree holds (an image
 *   reference, a setter, a set that is not FILE:SPEC or whose spec its file's grammar cannot read,
 *   a path glob; validateRequest finds all but the grammar, which planUpdate checks before reading files);
 * - `"target"`: a target name that no configured target has, or `targets` that are no list of names;
 * - `"request"`: the request asks for nothing (no image, setter or set), or leaves unsaid which
 *   configuration to read where one is found that would not be (`gitops-promote.yaml` at the root),
 *   or is no object, or a switch or another field of it that is not a list has the wrong type (`create: "yes"`);
 * - `"config"`: the configuration is in error (its text, or an override it declares that its file
 *   does not allow), or the file the request names as configuration does not exist or is outside
 *   the root. `file` and `line` say where.
 *
 * Unset, the tree does not have what the request names, or does not parse: a set's file is missing,
 * outside the paths, or lacks the path (without `create`), a file to edit is not UTF-8 or does not parse.
 * The CLI exits 2 (bad usage) for a request issue other than `"config"`, 1 for the others.
 */
export interface RequestIssue extends Diagnostic {
    readonly field?: RequestField | "target" | "request" | "config";
}
/**
 * Input that cannot be used; `issues` lists every problem found, each naming where it is: a file
 * and line, or a field of the request in its message (`--image: ...`), and whether the request or
 * the tree is wrong (RequestIssue).
 */
export declare class RequestError extends Error {
    readonly issues: readonly RequestIssue[];
    constructor(issues: readonly RequestIssue[]);
}
/** A `--set` override: one file, one spec in that file's own grammar. */
export interface FileOverride {
    readonly file: string;
    readonly spec: string;
}
export interface ValidRequest {
    readonly images: readonly ImageRef[];
    readonly setters: ReadonlyMap<string, ImageRef>;
    readonly sets: readonly FileOverride[];
}
/** A problem with one field, named as it was given: `--image`, `image[1]`, `client_payload.images`. */
export interface FieldIssue {
    readonly field: string;
    readonly reason: string;
}
/**
 * What names the repository of a value given as a tag alone (`--setter flux-system:app=1.2.3`),
 * for the whole reference a message offers instead: the configuration's, and the tree's Flux objects'
 * (validate-in-tree.ts knownImagesIn reads them for a refused request).
 */
export interface KnownImages {
    /** The image each setter key is configured with (`setters:`), or its Flux ImagePolicy's one ImageRepository names. */
    readonly setters?: ReadonlyMap<string, Pick<ImageRef, "name">>;
    /** The repositories the targets name: one alone is the one an `--image` given as a tag alone meant. */
    readonly repositories?: readonly string[];
}
/** What a refusal offers in place of a repository it does not know (KnownImages names it). */
export declare const UNKNOWN_REPOSITORY = "<repository>";
/**
 * The images a request brings, each a valid reference with a version and each repository once: two tags of
 * one repository would be two competing values for the same fields. The dispatch payload is
 * checked with this too, so the sender refuses what the receiver would. `entry` names the
 * i-th value as its sender gave it (`--image`, `client_payload.images[1]`).
 */
export declare function checkIncomingImages(texts: readonly string[], entry: (index: number) => string, known?: KnownImages): {
    readonly images: readonly ImageRef[];
    readonly issues: readonly FieldIssue[];
};
/**
 * A `--set` value split at its first `:` into file and spec, or why it cannot be, named as `fieldName` names the
 * set (the request's face). A spec pasted from `kcl -O` without its file (`a.image="repo:tag"`) would split inside its
 * value: a part before the `:` with `=` or a quote is no file name, and is told to put the file first. A value in
 * quotes has the quotes a shell would have taken off: in an Action input or a library's list they reach the tool.
 * The file must be one a set edits (notASetFile), whether or not the tree has it. The colon of a Windows drive
 * (`C:\work\main.k:spec`) is the file's own.
 */
export declare function parseSet(text: string, fieldName?: FieldNamer): FileOverride | string;
/**
 * Why a set cannot edit `file`, or undefined when it can (a .k, .yaml or .yml file, or a Kustomization): a kcl.mod
 * (kclModNotSet, named as `fieldName` says), or a file of any other kind, which no editor reads, so that a set
 * neither edits `notes.txt` as YAML nor looks for it in the tree.
 */
export declare function notASetFile(file: string, fieldName?: FieldNamer): string | undefined;
/** The field a `--set` spec names, how, and the value it assigns there (undefined for a KCL union, append or delete, which do not replace it). */
export interface SetField {
    /** The path as written in the spec. */
    readonly path: string;
    /** The path's keys as its grammar reads them, indexes as strings: `a[0]`, `a.0` and `a["0"]` are one field, `a["x.y"]` and `a.x.y` two. */
    readonly keys: readonly string[];
    /** KCL's `-O` operation; a YAML spec assigns (`=`). */
    readonly operation: OverrideOperation;
    readonly value: string | undefined;
}
/**
 * A `--set` spec read by the grammar of its file's kind (KCL's `-O` for `.k`, a dotted path for YAML), which does not
 * depend on the file's contents: the field it names, or (`error`) what is malformed in it, a KCL value that is not one
 * expression KCL reads whole included (OverrideSpecError for KCL), its advice naming the request's fields as `fieldName`
 * does (and a kustomize image the file renames by its newName, where `renamed` gives the file's renames). Neither for a file
 * of no kind the tool edits, nor for a kcl.mod, which no `--set` edits (parseSet refuses them).
 * The one reading of a spec: the request's checks, the CLI's and the overrides' comparisons of fields all take it.
 */
export declare function trySetSpec(kind: FileKind | undefined, spec: string, fieldName?: FieldNamer, renamed?: Renamed): {
    readonly field?: SetField;
    readonly error?: SourceError;
};
/**
 * What is malformed in a `--set` spec, by its file's grammar (trySetSpec); undefined for a spec that reads. `text`, the
 * file's where a face has read it: the advice for a yq selector then names an image its kustomize `images:` renames by the newName.
 */
export declare function setSpecError(set: FileOverride, fieldName?: FieldNamer, text?: string): SourceError | undefined;
/**
 * Why a request that brings no image, setter or set is refused, each named as `name` names the field (the library: "an image", ...);
 * `payload`, the face's way of giving a dispatch payload, where it has one (the CLI's --payload).
 */
export declare function nothingToUpdate(name?: FieldNamer, payload?: string): string;
/** Whether a request's `config` is what its type says, which a JavaScript caller may not give (a configuration's plain object, not parsed). */
export declare function isConfigField(config: unknown): boolean;
/**
 * Checks every field and collects all problems into one RequestError; each names its field in its
 * message and in `field`, none is in a file. A request with no image, setter or set is refused:
 * it could change nothing. So is what is no request at all (`null`), which a JavaScript caller can pass.
 */
export declare function validateRequest(request: UpdateRequest, known?: KnownImages): ValidRequest;
/**
 * The advice for images refused for an upper-case name, and where such a name most often comes from:
 * `${{ github.repository }}` keeps the owner's case (`Acme-Corp/app`), which an image name may not have;
 * docker/metadata-action lower-cases the names it is given. It says what to write without writing it: a
 * lower-cased copy of the input would carry a secret the runner masks (case-sensitively) in the clear.
 * With the index of the first image that lower-casing its name makes valid; undefined when there is none.
 */
export declare function upperCaseHint(images: readonly string[]): {
    readonly index: number;
    readonly message: string;
} | undefined;
