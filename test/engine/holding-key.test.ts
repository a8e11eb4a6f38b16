import { describe, expect, it } from "vitest";
import { holdingKey } from "../../src/engine/holding-key.js";

/** The key holding the value `value` (its first occurrence after `from`) in `text`, and its mapping's keys. */
function keyOf(text: string, value: string, from = ""): { key: string; rest: string; siblings: Record<string, string> } | undefined {
  const holding = holdingKey(text, text.indexOf(value, text.indexOf(from) + from.length));
  return holding && { key: holding.key, rest: holding.rest, siblings: Object.fromEntries(holding.siblings()) };
}

describe("holdingKey", () => {
  it("reads a YAML block mapping's key and its siblings, not what is nested in them", () => {
    const text =
      "spec:\n  image:\n    registry: ghcr.io\n    repository: acme/app\n    pullPolicy: IfNotPresent\n    args:\n    - x\n    tag: '1.0' # pinned\n  other: 1\n";
    expect(keyOf(text, "acme/app")).toEqual({
      key: "repository",
      rest: "acme/app",
      siblings: { registry: "ghcr.io", repository: "acme/app", pullPolicy: "IfNotPresent", args: "", tag: "1.0" },
    });
  });

  it("reads a list item's mapping from its `- ` down to the next item", () => {
    const text = "containers:\n  - name: app\n    image: ghcr.io/acme/app:1\n    ports:\n      - containerPort: 80\n  - name: side\n    image: side:1\n";
    expect(keyOf(text, "app")?.siblings).toEqual({ name: "app", image: "ghcr.io/acme/app:1", ports: "" });
    expect(keyOf(text, "side", "- name: ")?.siblings).toEqual({ name: "side", image: "side:1" });
    // A key below the first: the item's first line is part of the mapping.
    expect(keyOf("images:\n- newTag: '1'\n  name: app\n- name: other\n", "app")?.siblings).toEqual({ newTag: "1", name: "app" });
  });

  it("reads a flow mapping within its braces, a JSON object and a KCL config", () => {
    expect(keyOf("image: {name: app, tag: '1'}\n", "app")).toEqual({ key: "name", rest: "app, tag: '1'}", siblings: { name: "app", tag: "1" } });
    expect(keyOf('{\n  "image": {\n    "repository": "app",\n    "tag": "1"\n  }\n}\n', "app")?.siblings).toEqual({ repository: "app", tag: "1" });
    expect(keyOf('config = {\n    name = "app"\n    image = "ghcr.io/acme/app:1"\n}\n', "app")).toMatchObject({
      key: "name",
      siblings: { name: "app", image: "ghcr.io/acme/app:1" },
    });
  });

  it("is undefined for a value with no key before it: a list item, prose, a value after another on its line", () => {
    expect(keyOf("args:\n  - app\n", "app")).toBeUndefined();
    expect(keyOf("description: run app here\n", "app")).toBeUndefined();
    expect(keyOf('command: ["app"]\n', "app")).toBeUndefined();
  });
});
