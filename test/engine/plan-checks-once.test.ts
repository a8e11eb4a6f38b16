/** planUpdate checks the request once for the plan (validateRequest); the editors it calls for each file do not check it again. */
import { describe, expect, it, vi } from "vitest";

const { checked } = vi.hoisted(() => ({ checked: { count: 0 } }));

vi.mock("../../src/change.js", async (original) => {
  const actual = await original<typeof import("../../src/change.js")>();
  return {
    ...actual,
    fullEditRequest: (...args: Parameters<typeof actual.fullEditRequest>) => {
      checked.count++;
      return actual.fullEditRequest(...args);
    },
  };
});

const { planUpdate, memorySource } = await import("../../src/index.js");
const { editKcl } = await import("../../src/kcl/editor.js");

describe("planning a tree of many files", () => {
  it("edits each file without checking the request again, as a library caller's editKcl does", async () => {
    const files = new Map<string, string>();
    for (const app of ["web", "api", "worker"]) {
      files.set(`${app}/deploy.yaml`, `image: ghcr.io/acme/${app}:1.0.0\n`);
      files.set(`${app}/main.k`, `app = {\n    image = "ghcr.io/acme/${app}:1.0.0"\n}\n`);
      files.set(`${app}/kcl.mod`, `[profile]\noverrides = ["app.image=\\"ghcr.io/acme/${app}:1.0.0\\""]\n`);
    }
    const plan = await planUpdate(memorySource(files), { images: ["ghcr.io/acme/web:1.1.0", "ghcr.io/acme/api:1.1.0", "ghcr.io/acme/worker:1.1.0"] });
    expect(plan.files).toHaveLength(9);
    expect(checked.count).toBe(0);
    editKcl(files.get("web/main.k")!, { images: [] });
    expect(checked.count).toBe(1);
  });
});
