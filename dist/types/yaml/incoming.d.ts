/** The incoming images as the YAML editors look them up. */
import type { ImageUpdate } from "../image/update.js";
/** Incoming images by canonical repository; the first one given for a repository wins. */
export declare function byRepository(images: readonly ImageUpdate[]): ReadonlyMap<string, ImageUpdate>;
