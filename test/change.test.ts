import { describe, expect, it } from "vitest";
import { describeValue, fullEditRequest } from "../src/change.js";
import { parseImageRef } from "../src/image/reference.js";
import { editKcl } from "../src/kcl/editor.js";
import { editYaml } from "../src/yaml/editor.js";

describe("describeValue: what a value of the wrong type is, for its message", () => {
  it("names strings with their text, and objects by their kind", () => {
    expect(describeValue("nginx:1.2")).toBe('a string ("nginx:1.2")');
    expect(describeValue(["a"])).toBe("an array");
    expect(describeValue({ a: 1 })).toBe("a plain object");
    expect(describeValue(new Map())).toBe("a Map");
    expect(describeValue(Object.create(null))).toBe("an object");
    expect(describeValue(null)).toBe("null");
  });
});

describe("fullEditRequest: the one check of a request every editor makes before it writes", () => {
  it("refuses a hand-built image whose tag would break out of its YAML scalar or KCL string, the same way in both (review errors18 N5)", () => {
    const image = { name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", tag: '1.2.4"\nevil: x' };
    const refusal = new TypeError(
      'EditRequest.images[0]\'s image is not what parseImageRef gives: invalid image reference "ghcr.io/acme/app:1.2.4\\"\\nevil: x": it contains a quote (")',
    );
    expect(() => editYaml("image: ghcr.io/acme/app:1.2.3\n", { images: [{ image }] })).toThrow(refusal);
    expect(() => editKcl('image = "ghcr.io/acme/app:1.2.3"\n', { images: [{ image }] })).toThrow(refusal);
    expect(() => fullEditRequest({ setters: new Map([["flux-system:app", { image: { ...image, tag: "1'" } }]]) })).toThrow(
      /^EditRequest\.setters' "flux-system:app"'s image is not what parseImageRef gives: .*: it contains a quote \('\)$/,
    );
  });

  it("takes what parseImageRef gives, and refuses a hand-built repository its name does not spell", () => {
    expect(fullEditRequest({ images: [{ image: parseImageRef("nginx:1.27") }] }).images).toHaveLength(1);
    expect(() => fullEditRequest({ images: [{ image: { name: "nginx", repository: "nginx", tag: "1.27" } }] })).toThrow(
      'EditRequest.images[0]\'s image is not what parseImageRef gives: "nginx:1.27" has repository "docker.io/library/nginx", not "nginx"',
    );
  });
});
