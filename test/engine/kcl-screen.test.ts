/** A KCL file is read whatever part of the repository it spells: a registry constant may hold the start of it. */
import { expect, it } from "vitest";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";

it("names a reference built on a registry constant, though no file spells the repository", async () => {
  const main = ['_registry = "ghcr.io/acme"', '_tag = "1.2.3"', 'web = {image = _registry + "/web:" + _tag}', ""].join("\n");
  const plan = await planUpdate(memorySource(new Map([["main.k", main]])), { images: ["ghcr.io/acme/web:1.2.4"] });
  expect(plan.changes).toEqual([]);
  // Only that: the file holds the image, though it never spells it ("no file to update holds" would contradict it).
  expect(plan.warnings).toEqual([
    {
      file: "main.k",
      line: 3,
      message:
        '_registry + "/web:" + _tag builds a reference of ghcr.io/acme/web from _registry (line 1) and _tag, which is not edited; set _tag (line 2) with a Flux ":tag" marker on its line or an override of _tag',
    },
  ]);
});
