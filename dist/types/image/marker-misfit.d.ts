/**
 * A Flux marker whose part does not fit the field it marks, in YAML and KCL alike: a
 * whole-reference marker on a field named as a tag (kustomize's `newTag`, a Helm or KCL `tag`),
 * or a `:tag`, `:name` or `:digest` marker on a field holding a whole reference
 * (`image: app:1.0`). Flux writes its value there all the same, so it is written as Flux writes
 * it and markers keep working unchanged; said, since what reads the field then finds another
 * part than it reads there.
 */
import type { Marker } from "./marker.js";
/** The keys of an image's tag: `tag` (Helm values, KCL-style configs) and kustomize's `newTag`. */
export declare const TAG_KEYS: ReadonlySet<string>;
/**
 * The warning for the value a marker writes into a field that does not fit it, if it does not:
 * `field` names the field in the warning (a path, a key), `key` is its own key (none for a list
 * item), `old` what it holds now.
 */
export declare function misfitWarning(marker: Marker, field: string, key: string | undefined, old: string): ((value: string) => string) | undefined;
