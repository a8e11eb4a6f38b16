/**
 * Images in the KCL command-line settings kept in YAML (kcl-settings.ts: a KCLRun's `-O`
 * specs and `-D` arguments, a `kcl.yaml`'s specs and `kcl_options`), by repository: KCL
 * applies them in memory to the program it runs, so an image set there wins over any `.k`
 * file. A spec or argument whose value is one string holding an image of an incoming
 * repository gets the next reference in that string's own form; a `kcl_options` value is an
 * image field.
 *
 * The YAML string is re-rendered in its own style when that style renders it as written (then
 * only the value's characters change); a value of the repository written any other way
 * (interpolated, an expression, a spec's `nginx:1.25` of which KCL keeps `nginx`, an
 * argument's `'...'` whose quotes KCL keeps, a folded YAML string) is named in a warning and
 * left as it is (an expression only when the KCL editor would move or name an image in it).
 * A marked item is its Flux marker's (markers.ts).
 */
import type { WarningKind } from "../change.js";
import { byRepository, type ImageUpdate } from "../image/update.js";
import { nextSpecImage } from "../kcl/spec-image.js";
import type { YamlDocument } from "./file.js";
import { setImageScalar } from "./images.js";
import {
  optionValues,
  REWRITE_ADVICE,
  setInSetting,
  settingItems,
  settingKey,
  unreadWarning,
  writableItem,
  type Setting,
  type SettingItem,
} from "./kcl-settings.js";
import type { EditPlan, Editor } from "./plan.js";

export const editKclOverrideSpecs: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const item of settingItems(document)) {
      const setting = plan.isClaimed(item.node) ? undefined : item.read(item.node.text);
      if (setting) editSetting(item, setting, document, incoming, plan);
    }
    // A kcl_options value is an image field, reported as an `override` as a KCLRun's -D argument is.
    for (const field of optionValues(document)) setImageScalar(field, "override", false, incoming, plan, document);
  }
};

function editSetting(item: SettingItem, setting: Setting, document: YamlDocument, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const key = settingKey(item, setting);
  const warn = (message: string, kind?: WarningKind) => plan.warn(item.node.start, `${key} ${message}`, kind);
  const image = nextSpecImage(setting, incoming, warn, setting.stays);
  if (!image) return;
  const writable = writableItem(plan, item);
  if (typeof writable === "string") return warn(`holds ${image.name} in a ${writable}, ${REWRITE_ADVICE}`);
  const unread = setInSetting(plan, writable, image.value, image.next, { kind: "override", key }, document);
  if (unread !== undefined) warn(unreadWarning(image.next, unread));
}
