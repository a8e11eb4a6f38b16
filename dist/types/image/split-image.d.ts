/**
 * An image held as sibling fields of one mapping (YAML) or config (KCL), as Helm values hold
 * one: `repository` (Argo CD Image Updater names it `name`), an optional `registry`, `tag` and
 * an optional `digest`. The one rule for which fields those are: the editors set such an image
 * by them (helm.ts, the KCL editor), and a `--set` of its tag alone is told of the digest beside it.
 */
/** The keys a split image's fields may have. */
export declare const SPLIT_IMAGE_KEYS: ReadonlySet<string>;
/** The fields of a split image, each as the caller reads one; a key with no field is undefined. */
interface SplitImage<F> {
    readonly repository: F | undefined;
    readonly registry: F | undefined;
    readonly tag: F | undefined;
    readonly digest: F | undefined;
}
/** The split image `field` reads from one mapping or config: `repository`, else `name`, beside the others. */
export declare function splitImage<F>(field: (key: string) => F | undefined): SplitImage<F>;
/**
 * The digest field beside the field `key` of a mapping (`field` reads its siblings): the digest
 * of a split image whose tag `key` is, which pins the build of the tag it was set with.
 */
export declare function digestBeside<F>(key: string | number, field: (key: string) => F | undefined): F | undefined;
export {};
