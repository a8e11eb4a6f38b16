import { type ImageRef } from "../image/reference.js";
export declare function isKustomizationFile(path: string): boolean;
/** Whether `text` may hold an `image:` naming one of `repositories` (canonical) with no tag or digest: only then is the graph worth building. */
export declare function mayHoldBareImage(text: string, repositories: ReadonlySet<string>): boolean;
/**
 * For each file that kustomizations of this tree build, the names (as written) of `incoming`
 * repositories one of them gives a version, each with the kustomization files whose `images:`
 * do it (path order): a bare image of such a name is left to them. An entry naming an incoming
 * repository gets a tag from the kustomize editor even when it has none yet, so it counts.
 */
export declare function kustomizeTagged(kustomizations: readonly {
    readonly file: string;
    readonly text: string;
}[], incoming: readonly ImageRef[]): Map<string, Map<string, string[]>>;
