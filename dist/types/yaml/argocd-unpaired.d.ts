/**
 * A Helm parameter holding a bare incoming repository under a name no pair rule reads
 * (`worker.image.repo`, as Image Updater's `helm.image-name` may name it): its tag is a parameter
 * beside it no rule moves. Named with the override that sets the tag, and with what it is about,
 * so that an override naming the field answers the warning (overrides.ts).
 */
import type { WarningAbout } from "../change.js";
import { type ImageUpdate } from "../image/update.js";
import type { HelmField } from "./helm.js";
import { type YamlNode } from "./node.js";
import type { EditPlan } from "./plan.js";
/**
 * A parameter holding exactly an incoming repository under a name no pair rule reads
 * (`worker.image.repo`, as image-updater's `helm.image-name` annotation may name it), with
 * parameters beside it under the same prefix: its tag is one of those (`worker.image.version`),
 * which no rule moves, so Argo CD keeps deploying the old tag. Named at the repository, with the
 * override that sets the tag; a sibling named like a tag or version is the one named, when there is one.
 */
export declare function warnUnpairedRepositories(parameters: readonly [string, HelmField][], incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void;
/** Whether a parameter reads as a tag: named like one (`image.version`), or holding a version under a name that holds no version beside a repository. */
export declare function readsAsTag(name: string, value: YamlNode | null): boolean;
/**
 * The end of a warning that a field was not moved: the override that sets it (`spec` `key`, `image`
 * `repository`; `file`, which every caller that knows the file gives, so that the entry can be
 * copied as it is (only an editor of one text, as warnUnpairedRepositories, knows none); `part`
 * where only the tag goes there, and `subject` naming the field set where "it" would not); and
 * what the warning is then about, so that an override naming that field answers it.
 */
export declare function overrideAdvice(key: string, repository: string, { file, part, subject }?: {
    readonly file?: string;
    readonly part?: "tag";
    readonly subject?: string;
}): {
    readonly advice: string;
    readonly about: WarningAbout;
};
