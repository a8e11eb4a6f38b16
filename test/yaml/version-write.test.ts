/** A mapping's version written where its fields are written, and only where no other mapping reading them would move another way. */
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { fieldsOf } from "../../src/yaml/merge-key.js";
import { mapValue, scalarText, type FlowScalar, type MapNode } from "../../src/yaml/node.js";
import { EditPlan } from "../../src/yaml/plan.js";
import { fixedVersion, heldText, writeVersion, type ReaderJudge } from "../../src/yaml/version-write.js";
import { DIGEST_B, update } from "./helpers.js";

const BASE = `base: &base
  tag: 1.0.0
app:
  <<: *base
  repository: acme/app
`;

/** Reads every reader as the image its `repository` names, moving to `moves` (by image) or staying. */
const byRepository =
  (file: YamlFile, moves: Record<string, string> = {}): ReaderJudge =>
  ({ map, path, inFlow, root }) => {
    const image = scalarText(fieldsOf(file, root, map, path, inFlow)("repository")?.node);
    return image === undefined ? undefined : { image, value: moves[image] };
  };

/** writeVersion of app's tag (`next`: its version), each reader judged by its repository. */
function write(text: string, value: string, { digest, moves }: { digest?: string; moves?: Record<string, string> } = {}) {
  const file = new YamlFile(text);
  const plan = new EditPlan(file);
  const app = mapValue(file.documents[0]!.root as MapNode, "app") as MapNode;
  const field = fieldsOf(file, file.documents[0]!.root, app, ["app"], false)("tag")!;
  let said = 0;
  const written = writeVersion(
    plan,
    { at: app.start, mapping: ["app"], name: "ghcr.io/acme/app", next: { tag: value, ...(digest && { digest }) } },
    { writes: [{ field, node: field.node as FlowScalar, value }] },
    byRepository(file, moves),
    () => said++,
    { kind: "helm", document: file.documents[0]!, repository: "ghcr.io/acme/app" },
  );
  return { written, said, result: plan.result() };
}

describe("writeVersion", () => {
  it("writes the fields the mapping writes itself, after saying what the decision told", () => {
    const { written, said, result } = write("app:\n  repository: acme/app\n  tag: 1.0.0\n", "1.1.0");
    expect([written, said]).toEqual([true, 1]);
    expect(result.text).toBe("app:\n  repository: acme/app\n  tag: 1.1.0\n");
    expect(result.changes).toMatchObject([{ key: "app.tag", old: "1.0.0", new: "1.1.0" }]);
  });

  it("leaves the pair whole, saying nothing of the decision, when a merged field would have to move for it alone", () => {
    const { written, said, result } = write(BASE, "1.1.0");
    expect([written, said]).toEqual([false, 0]);
    expect(result.text).toBe(BASE);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "app is not moved to ghcr.io/acme/app:1.1.0: its tag is merged (<<) from base.tag (line 2), which every mapping merging it shares; add tag: to app to set it for this one alone, or set base.tag for all of them",
    ]);
  });

  it("names the whole reference a pair is not moved to, with the digest the run brings (review-fuzz16 N2)", () => {
    const { result } = write(BASE, "1.1.0", { digest: DIGEST_B });
    expect(result.warnings[0]!.message).toMatch(`app is not moved to ghcr.io/acme/app:1.1.0@${DIGEST_B}: its tag is merged`);
  });

  it("leaves the pair whole when the tag of a field of its own cannot hold the value", () => {
    const text = "app:\n  repository: acme/app\n  tag: !!float 1.0\n";
    const { written, result } = write(text, "1.1.0-rc.1");
    expect(written).toBe(false);
    expect(result.text).toBe(text);
    expect(result.warnings).toHaveLength(1);
  });

  const shared = `app: &app
  repository: acme/app
  tag: 1.0.0
worker:
  <<: *app
  repository: acme/worker
same:
  <<: *app
`;

  it("leaves the pair whole when a mapping reading its field would not move the same way, naming each such reader", () => {
    const { written, said, result } = write(shared, "1.1.0", { moves: { "acme/app": "1.1.0" } });
    expect([written, said, result.text]).toEqual([false, 0, shared]);
    expect(result.warnings).toEqual([
      {
        line: 3,
        message:
          "app is not moved to ghcr.io/acme/app:1.1.0: app.tag is also the tag of acme/worker at worker (line 5, through <<), " +
          "and this run does not move that one the same way; add tag: 1.0.0 to worker to keep it apart",
        about: { reason: "unmoved", image: "ghcr.io/acme/app", lines: [5] },
      },
    ]);
  });

  it("writes a field once when every mapping reading it moves it to the same value", () => {
    const { written, result } = write(shared, "1.1.0", { moves: { "acme/app": "1.1.0", "acme/worker": "1.1.0" } });
    expect([written, result.text]).toEqual([true, shared.replace("1.0.0", "1.1.0")]);
  });
});

describe("fixedVersion", () => {
  const ALIASED = "x-tag: &t 1.0.0\napp: {repository: ghcr.io/acme/app, tag: *t}\n";

  /** fixedVersion of app's tag and digest, for ghcr.io/acme/app:2.0.0, its version moving or not (`moves`). */
  function fixed(text: string, moves: boolean) {
    const file = new YamlFile(text);
    const plan = new EditPlan(file);
    const root = file.documents[0]!.root;
    const app = mapValue(root as MapNode, "app") as MapNode;
    const read = fieldsOf(file, root, app, ["app"], true);
    const pair = { at: app.start, mapping: ["app"], keys: ["tag", "digest"] as const };
    return { left: fixedVersion(plan, root, pair, [read("tag"), read("digest")], update("ghcr.io/acme/app:2.0.0"), moves), result: plan.result() };
  }

  it("leaves a mapping whose tag is an alias, naming its anchor and that anchor's line to the engine", () => {
    const { left, result } = fixed(ALIASED, true);
    expect(left).toBe(true);
    expect(result.warnings).toMatchObject([
      {
        line: 2,
        message: expect.stringContaining("app.tag is an alias (*t), which is never edited"),
        about: { reason: "unmoved", image: "ghcr.io/acme/app", lines: [1] },
      },
    ]);
  });

  it("leaves it silently when its version would not move, and not at all when its fields are plain", () => {
    expect(fixed(ALIASED, false)).toMatchObject({ left: true, result: { warnings: [] } });
    expect(fixed("app: {repository: ghcr.io/acme/app, tag: 1.0.0}\n", true)).toMatchObject({ left: false, result: { warnings: [] } });
  });
});

describe("heldText", () => {
  it("reads an alias through its anchor as this run leaves it: an alias follows its anchor", () => {
    const file = new YamlFile("a: &t 1.0.0\nb: *t\n");
    const plan = new EditPlan(file);
    const root = file.documents[0]!.root as MapNode;
    expect(heldText(plan, root, mapValue(root, "b"))).toBe("1.0.0");
    plan.setScalar(mapValue(root, "a") as FlowScalar, "2.0.0", false, { kind: "helm", key: "a", document: file.documents[0]! });
    expect(heldText(plan, root, mapValue(root, "b"))).toBe("2.0.0");
  });
});
