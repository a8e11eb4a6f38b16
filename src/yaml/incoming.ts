/** The incoming images as the YAML editors look them up. */
import type { ImageUpdate } from "../image/update.js";

/** Incoming images by canonical repository; the first one given for a repository wins. */
export function byRepository(images: readonly ImageUpdate[]): ReadonlyMap<string, ImageUpdate> {
  const map = new Map<string, ImageUpdate>();
  for (const update of images) if (!map.has(update.image.repository)) map.set(update.image.repository, update);
  return map;
}
