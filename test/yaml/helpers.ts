/** Small builders for the YAML editor tests. */
import { parseAllDocuments } from "yaml";
import type { EditRequest } from "../../src/change.js";
import { parseImageRef } from "../../src/image/reference.js";
import type { Policy } from "../../src/image/policy.js";
import type { ImageUpdate } from "../../src/image/update.js";

export const DIGEST_A = `sha256:${"a".repeat(64)}`;
export const DIGEST_B = `sha256:${"b".repeat(64)}`;

export function update(ref: string, policy?: Policy): ImageUpdate {
  return { image: parseImageRef(ref), ...(policy && { policy }) };
}

/** A request carrying incoming images only. */
export function withImages(...images: (string | ImageUpdate)[]): EditRequest {
  return { images: images.map((image) => (typeof image === "string" ? update(image) : image)), setters: new Map() };
}

/** A request carrying Flux setters only. */
export function withSetters(setters: Record<string, string | ImageUpdate>): EditRequest {
  return { images: [], setters: new Map(Object.entries(setters).map(([key, image]) => [key, typeof image === "string" ? update(image) : image])) };
}

/** Accepts dotted numeric tags and ranks them numerically: enough to show a refused downgrade. */
export const numericVersions: Policy = {
  description: "highest dotted number",
  latest(tags) {
    const accepted = tags.filter((tag) => /^[0-9]+(\.[0-9]+)*$/.test(tag));
    const rank = (tag: string) => tag.split(".").map(Number);
    const greater = (a: string, b: string) => {
      const [x, y] = [rank(a), rank(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
      return false;
    };
    return accepted.reduce<string | undefined>((best, tag) => (best === undefined || greater(tag, best) ? tag : best), undefined);
  },
};

/** The data of every document; fails the test when the text does not parse. */
export function dataOf(text: string): unknown[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`does not parse: ${document.errors[0]!.message}`);
    return document.toJS();
  });
}
