/** The incoming images as the YAML editors look them up, and the versions fields hold. */
import type { ImageUpdate, Version } from "../image/update.js";

/** Incoming images by canonical repository; the first one given for a repository wins. */
export function byRepository(images: readonly ImageUpdate[]): ReadonlyMap<string, ImageUpdate> {
  const map = new Map<string, ImageUpdate>();
  for (const update of images) if (!map.has(update.image.repository)) map.set(update.image.repository, update);
  return map;
}

/** A field's version; an empty or missing tag or digest is no tag or digest (`tag: ""` in Helm values). */
export function versionOf(tag: string | undefined, digest: string | undefined): Version {
  return { ...(tag && { tag }), ...(digest && { digest }) };
}
