/** The warning at a lone Helm tag over a pair whose registry this run cannot read, a values layer's or a kustomize patch's. */
import type { FieldWarning } from "../change.js";
import { unknownRegistryWarning, type UnknownRegistryField } from "../image/split-image.js";

/** A Helm pair whose registry this run cannot read: its repository as written, that registry field, and the incoming images it may be whose tag would move. */
export interface UnknownRegistryPair {
  readonly repository: string;
  readonly unknown: UnknownRegistryField;
  readonly images: readonly string[];
}

/** At a lone tag (`key`, in `file` at `line`) over such a pair: the Helm editor's warning, naming that registry field, and an override of the tag as its advice. */
export function unknownRegistryTag(file: string, line: number, key: string, { repository, unknown, images }: UnknownRegistryPair): FieldWarning {
  return {
    file,
    line,
    message: unknownRegistryWarning(unknown, repository, key, images),
    about: { field: key, reason: "advised-override", image: images[0]! },
  };
}
