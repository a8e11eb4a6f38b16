import type { EditResult, FieldEditResult, ValueFor } from "../change.js";
import { type FieldNamer } from "../field-name.js";
/** A mapping key, or (a number) a list index written in brackets. Bare `0` stays a string: it indexes a list or names a key. */
export type PathSegment = string | number;
/** `spec.containers[0].image`; keys that are not bare words are written `["a.b"]`. */
export declare function formatPath(path: readonly PathSegment[]): string;
/** Whether `path` begins with `prefix` (equal to it, or below it). */
export declare function hasPrefix(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean;
/** Whether two paths are the same, segment by segment. */
export declare function samePath(path: readonly PathSegment[], other: readonly PathSegment[]): boolean;
/**
 * Parses `a.b[0]`, `a["dot.key"].b`, `a['x'].b`, `containers.0.image`; throws SourceError saying where it is malformed.
 * `value`, a spec's, completes the `--image` that the error for a yq selector suggests, named as `fieldName` says (the request's face),
 * by the image an entry renames to where `renamed` (the file's) gives one.
 */
export declare function parsePath(text: string, value?: string, fieldName?: FieldNamer, renamed?: Renamed): PathSegment[];
/** The image a kustomize `images:` entry of the file renames the image `name` to (its `newName`); undefined where none does. */
export type Renamed = (name: string) => string | undefined;
/** A `--set` spec for a YAML file, read without the file: the path as written, its segments, and the value as given (quoted or not). */
export interface YamlSpec {
    readonly path: string;
    readonly segments: readonly PathSegment[];
    readonly value: string;
}
/**
 * `image.tag=1.2.3`; throws SourceError for a spec with no path before its `=`, or a malformed path (its advice named as
 * `fieldName` says, by the renames of the file's kustomize `images:` where `renamed` gives them).
 */
export declare function parseYamlSpec(spec: string, fieldName?: FieldNamer, renamed?: Renamed): YamlSpec;
/**
 * `--set values.yaml:image.tag=1.2.3`: a dotted path and a value, quoted or not. `setsToo` says
 * which other fields the run sets in the file, `fieldName` how messages name the request's (SetOptions).
 */
export declare function setFromSpec(text: string, spec: string, create: boolean, setsToo?: (path: string) => boolean, fieldName?: FieldNamer, file?: string): EditResult;
export interface SetOptions {
    /** Add missing mapping keys at the end of the path, under a mapping or in place of a key's null value (`image:`). */
    readonly create?: boolean | undefined;
    /**
     * The value was given unquoted: where the field holds a plain number, boolean or null and
     * the value reads as one too, it is written as it is (`replicas: 2` set to 3 stays a
     * number). Otherwise, and always for a quoted value, the value is a string, and a warning
     * says so where the field held a plain number or boolean (whatever `typed` is; a null is filled, not retyped).
     */
    readonly typed?: boolean | undefined;
    /**
     * Whether the run sets the field at a path (`image.digest`) too. Given (a `--set` or a configured
     * override), a tag (or a kustomize entry's newTag) set beside a digest the run does not set is warned about: the digest still pins the earlier build.
     */
    readonly setsToo?: ((path: string) => boolean) | undefined;
    /** The value is a configured override's, not a `--set`'s: the warning above says so. */
    readonly configured?: boolean | undefined;
    /** How messages name the request's fields, as its face does (`--set`, `input set`); default the CLI's flags. */
    readonly fieldName?: FieldNamer | undefined;
    /** The file's path or name, where known: a kustomization without apiVersion and kind is told by it, for what `create` may add. */
    readonly file?: string | undefined;
}
/**
 * Sets the scalar at `path` (see parsePath) to `value`, or to what `value` computes from the
 * scalar's text; kind "override", key = the path as given. With `create`, missing mapping
 * keys at the end of the path are added (in the first document that has the path the
 * furthest), a key's null value (`image:`, `image: ~`) becoming a mapping of them (null-fill.ts); list items are never created,
 * nor a field its reader refuses in the shape create gives it (created-shape.ts: a kustomization's `images` as a mapping).
 */
export declare function setYamlPath(text: string, path: string, value: string | ValueFor, options?: SetOptions): EditResult;
/** setYamlPath for the engine: its warnings keep what they are about (FieldWarning), which overrides.ts compares with the editors'. */
export declare function setYamlPathAbout(text: string, path: string, value: string | ValueFor, options?: SetOptions): FieldEditResult;
