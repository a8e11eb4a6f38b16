import type { ImageUpdate, VersionNote } from "./image/update.js";
import type { FieldNamer } from "./field-name.js";
export type ChangeKind = "setter" | "image" | "kustomize" | "helm" | "override" | "kcl-image";
/** The Kubernetes object a change sits in (Flux's ObjectIdentifier); fields may be empty. */
export interface ObjectId {
    readonly apiVersion?: string;
    readonly kind?: string;
    readonly namespace?: string;
    readonly name?: string;
}
/** One value that changed inside one file. `line` is 1-based. */
export interface FieldChange {
    readonly line: number;
    readonly kind: ChangeKind;
    /** Setter name for markers (`ns:name:tag`), the field path otherwise (`spec.containers[0].image`). */
    readonly key: string;
    readonly old: string;
    readonly new: string;
    /**
     * Set where the field was not there before (`create`: a field an override or an editor adds,
     * `old` is "") or is not there after (`delete`: a KCL `path-` spec, `new` is ""); with none,
     * "" is a value the field holds, an empty string.
     */
    readonly op?: "create" | "delete";
    readonly object?: ObjectId;
}
/** The value a change replaced; undefined where it created the field, which held none. */
export declare function valueBefore(change: Pick<FieldChange, "old" | "op">): string | undefined;
/** The value a change wrote; undefined where it deleted the field. */
export declare function valueAfter(change: Pick<FieldChange, "new" | "op">): string | undefined;
/** A change placed in the tree: path relative to the scanned root, POSIX separators. */
export interface Change extends FieldChange {
    readonly file: string;
    /** The configured target the change was made for, when targets are configured. */
    readonly target?: string;
}
/** What a person is told about the request or the tree, on the file and 1-based line it concerns when it concerns one. */
export interface Diagnostic {
    readonly file?: string;
    readonly line?: number;
    readonly message: string;
}
/**
 * What a warning is, where a reader tells it apart: `policy-refusal`, a field left as it is because its
 * policy accepts no incoming tag, which planUpdate says once, for the target or setter whose policy it is;
 * `unreached`, an incoming image no file to update holds; `downgrade`, a field with no policy moved to a
 * lower semver version (a rollback, or an old build's workflow run again).
 */
export type WarningKind = "policy-refusal" | "unreached" | "downgrade";
/** A diagnostic that does not stop the run. */
export interface Warning extends Diagnostic {
    readonly kind?: WarningKind;
}
/**
 * A warning that is no reason why what the run brings was not written (a marker key nothing
 * defines): news about the tree, which a report does not give as why nothing changed.
 */
export interface AsideWarning extends Warning {
    readonly aside: true;
}
export declare function isAside(warning: Warning): warning is AsideWarning;
/** `file:line: message`, `file: message` or the message alone, as compilers print a diagnostic. */
export declare function formatDiagnostic(d: Diagnostic): string;
/** `diagnostics` with each one said once: several values a face names alike (`--set`, `input set`) may be refused for one file. */
export declare function onceEachMessage<T extends Diagnostic>(diagnostics: readonly T[]): T[];
/** What an editor returns: the new text (identical to the input when nothing changed). */
export interface EditResult {
    readonly text: string;
    readonly changes: readonly FieldChange[];
    readonly warnings: readonly Warning[];
}
/**
 * What a warning says of one field, for the engine to compare where an override sets that field
 * (overrides.ts) rather than read its words back, which get reworded:
 * - `version`: what the field's version decision told (VersionNote), `said`; an override moved by the same decision says it no more;
 * - `placeholder`: the field's version is filled in by the placeholder it holds (`${TAG}`); a `--set` of it answers the warning;
 * - `advised-override`: a Helm parameter holding a tag was not moved; an override naming the field answers the warning;
 * - `bare-repository`: the field holds a repository with no tag or digest, whose version another field of its mapping
 *   holds; an override setting a field beside it (the tag) answers the warning;
 * - `unmoved`: an image a field stands for is left as it is (an alias never followed, a merged field that would not hold).
 * Any of them may name what the warning speaks of besides its own line (WarningNames).
 */
export type WarningAbout = WarningNames & ({
    readonly field: string;
    readonly reason: "version";
    readonly said: string;
} | {
    readonly field: string;
    readonly reason: "placeholder" | "advised-override" | "bare-repository";
}
/** The whole file: it does not parse, and nothing in it is edited. */
 | {
    readonly reason: "not-edited";
} | {
    readonly reason: "unmoved";
});
/**
 * What a warning speaks of besides its own line, for the engine to tell which reference left behind it
 * explains (engine/plan.ts) without reading its words: the repository it is about (`image`), and the other
 * lines of the file it names (`lines`: "merged (<<) from base.tag (line 3)").
 */
export interface WarningNames {
    readonly image?: string;
    readonly lines?: readonly number[];
}
/**
 * The warning a field's version decision tells (VersionNote, `why`), after the field's name, and what it is
 * about: the one template the editors and the overrides share, compared by overrides.ts on `about`.
 * `image` is the repository the decision is for, when the caller knows it.
 */
export declare function versionNoteWarning(field: string, why: string, kind?: WarningKind, image?: string): {
    readonly message: string;
    readonly kind?: WarningKind;
    readonly about: WarningAbout;
};
/** A warning inside the engine, with what it is about: `about` is stripped (publicWarning) before warnings leave it. */
export interface FieldWarning extends Warning {
    readonly about?: WarningAbout;
}
/**
 * What only the engine reads of a change: the repository of the incoming image whose version it wrote, where the
 * field alone spells none (a kustomize `images:` entry's newTag, a Helm or KCL `{repository, tag}` tag), as the
 * editor that matched the field by its name or repository knows it. Stripped (publicChange) before changes leave the engine.
 */
export interface ChangeNames {
    readonly repository?: string;
}
/** A change inside the engine, with what it names (ChangeNames). */
export type FieldChangeAbout = FieldChange & ChangeNames;
/** An EditResult inside the engine, its changes with what they name and its warnings with what they are about. */
export interface FieldEditResult extends EditResult {
    readonly changes: readonly FieldChangeAbout[];
    readonly warnings: readonly FieldWarning[];
}
/** `warning` without what only the engine reads. */
export declare function publicWarning<W extends FieldWarning>(warning: W): Omit<W, "about">;
/** `change` without what only the engine reads. */
export declare function publicChange<C extends ChangeNames>(change: C): Omit<C, "repository">;
/** An editor's result as it leaves the engine: its changes and warnings without what only the engine reads. */
export declare function publicResult(result: FieldEditResult): EditResult;
/**
 * A field's new value computed from the one it holds (an image moved on by its policy):
 * `current` is its plain string, undefined when it has none; undefined leaves it as it is,
 * and `note` is told what the version decision says there (VersionNote): why its policy ranks the
 * current version higher or equal, or that the value written drops the digest that pinned it.
 */
export type ValueFor = (current: string | undefined, note?: VersionNote) => string | undefined;
/** What the editors are asked to do in one file. */
export interface EditRequest {
    /** Incoming images, each with a tag or digest, matched by repository against image fields; default none. */
    readonly images?: readonly ImageUpdate[] | undefined;
    /** Flux marker keys (`<ns>:<name>`, without `:tag`/`:name`/`:digest`) to the image they stand for, with a tag or digest; default none. */
    readonly setters?: ReadonlyMap<string, ImageUpdate> | undefined;
    /** How warnings name the update request's fields, as the face that runs spells them (`--set`, `input set`); default the CLI's flags. */
    readonly fieldName?: FieldNamer | undefined;
    /**
     * The text's path or file name. A YAML document with neither apiVersion nor kind is then a kustomization
     * only in a file kustomize reads one from (`kustomization.yaml`, `kustomization.yml`, `Kustomization`), as
     * kustomize does; without it, only when its fields have the shapes kustomize gives them (kustomize.ts).
     */
    readonly file?: string | undefined;
}
/** An EditRequest with its lists given: what the editors read. */
export interface FullEditRequest extends EditRequest {
    readonly images: readonly ImageUpdate[];
    readonly setters: ReadonlyMap<string, ImageUpdate>;
}
/**
 * `request` with the lists it leaves out empty. Throws TypeError naming a field of the wrong type,
 * which JavaScript callers can pass (a plain object for a Map, a reference string for an ImageUpdate),
 * or an image with no tag or digest, which has no version to write and would change nothing.
 */
export declare function fullEditRequest(request: EditRequest): FullEditRequest;
/** What a JavaScript value is, for a message about a value of the wrong type: `a string ("nginx:1.2")`, `a plain object`. */
export declare function describeValue(value: unknown): string;
/** Input that cannot be read or applied, with where it is (1-based line and column). */
export declare class SourceError extends Error {
    readonly line?: number | undefined;
    readonly column?: number | undefined;
    constructor(message: string, line?: number | undefined, column?: number | undefined);
}
