/**
 * KCL `-O` overrides applied as splices. Target rules are KCL's (crates/query/src/override.rs,
 * reference/kcl-override.md §1.5): the first top-level `x = S {...}` / `x = {...}` /
 * `x: S {...}` for a nested path, keys by identifier or string value, dotted keys expanded,
 * descent only through config and schema literals, every duplicate key at the last level,
 * every matching top-level statement for `x=v`. Unlike KCL, nothing is re-printed (only the
 * value's bytes change) and a missing path is an error unless `create` is set.
 */
import { type EditResult, type FieldEditResult, type ValueFor } from "../change.js";
import type { FieldNamer } from "../field-name.js";
export interface OverrideOptions {
    /** Insert a missing path (in the deepest existing config) instead of failing. */
    readonly create?: boolean | undefined;
    /**
     * Whether the run sets the field at a path (`config.image.digest`) too. Given, a spec that sets
     * a tag beside a digest the run does not set is warned about: the digest still pins the earlier build.
     */
    readonly setsToo?: ((path: string) => boolean) | undefined;
    /** How warnings name the request's fields, as its face does (`--set`, `input set`); default the CLI's flags. */
    readonly fieldName?: FieldNamer | undefined;
}
/** What a configured override (the configuration's `overrides:`) sets: an image's whole reference, or (`part: "tag"`) only its tag. */
export interface OverrideImage {
    readonly repository: string;
    /** The image name as written. */
    readonly image: string;
    readonly part?: "tag";
}
/** `path=<string>` where the string is computed from the one each target holds (an image moved on by its policy). */
export interface ComputedOverride {
    /** The field path: `config.containers.app.image`. */
    readonly path: string;
    readonly value: ValueFor;
    /**
     * Set for a configured override: what it sets, by which a Helm parameter it names by index is
     * judged (yaml/argocd-parameters.ts misaimedOverride). applyOverrides does not read it.
     */
    readonly configured?: OverrideImage;
}
/**
 * Apply KCL override specs (`path=value`, `path:value`, `path+=value`, `path-`) to one file,
 * in order. Only the targeted values' bytes change; a spec whose path does not exist throws
 * SourceError naming the deepest existing key (unless `create`); deleting a missing path
 * changes nothing (as in KCL) and warns, naming the same key. Throws OverrideSpecError for
 * a malformed spec. A computed override is `path=<string>` with the string computed from
 * each target's current value; a target that is a config, schema instance or list throws
 * SourceError at its line.
 */
export declare function applyOverrides(text: string, specs: readonly (string | ComputedOverride)[], options?: OverrideOptions): EditResult;
/** applyOverrides for the engine: its warnings keep what they are about (FieldWarning), which overrides.ts compares with the editors'. */
export declare function applyOverridesAbout(text: string, specs: readonly (string | ComputedOverride)[], options?: OverrideOptions): FieldEditResult;
