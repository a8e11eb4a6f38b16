import { type ImageRef } from "../image/reference.js";
/** A file of the tree and its text. */
interface TextFile {
    readonly file: string;
    readonly text: string;
}
/** Whether a YAML text may hold a Flux Kustomization with `images`: a screen before any parse. */
export declare function mayHoldFluxKustomization(text: string): boolean;
export declare function isKustomizationFile(path: string): boolean;
/**
 * Whether `text` may hold an `image:` naming one of `repositories` (canonical) with no tag or
 * digest, or a patch op's value of one (a text with `/image` in it): only then is the graph worth building.
 */
export declare function mayHoldBareImage(text: string, repositories: ReadonlySet<string>): boolean;
/**
 * For each file that kustomizations of this tree build, the names (as written) of `incoming`
 * repositories one of them gives a version, each with the kustomization files whose `images:`
 * do it (path order): a bare image of such a name is left to them. An entry naming an incoming
 * repository gets a tag from the kustomize editor even when it has none yet, so it counts.
 * `fluxKustomizations` are YAML files that may hold Flux Kustomizations (their files name them
 * too), `tree` every file of the tree, for what a Kustomization without a kustomization
 * file at its path builds.
 */
export declare function kustomizeTagged(kustomizations: readonly TextFile[], incoming: readonly ImageRef[], fluxKustomizations?: readonly TextFile[], tree?: readonly string[]): Map<string, Map<string, string[]>>;
export {};
