import { type ImageRef } from "../image/reference.js";
/**
 * The byte screen, per kind of file: a file may need an edit only when it holds a marker or
 * an incoming repository, and a YAML file also when it may define Flux image objects or an Argo CD Application(Set).
 * YAML's is one alternation: V8 searches for all tokens at once, ~3x faster than one includes()
 * per token (measured on a 5,000-file tree). KCL's is kclScreen, a wordScreen: in code, where quotes and
 * letters start most tokens, the alternation is slower than looking for each word from its `/`.
 * `argo` and `templated` screen again the few files the YAML one let through as an Application(Set) only.
 */
export declare function screenFor(images: readonly ImageRef[]): {
    readonly yaml: RegExp;
    readonly kcl: (text: string) => boolean;
    readonly argo: RegExp;
    readonly templated: readonly string[];
};
