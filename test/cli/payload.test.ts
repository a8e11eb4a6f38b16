import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPayload } from "../../src/cli/payload.js";
import { MAX_PAYLOAD_NESTING, PayloadError } from "../../src/engine/payload.js";
import type { Io } from "../../src/cli/io.js";
import { tempDir } from "../support/temp.js";

/** No standard input: each payload here is a file. */
const io: Io = { stdout: () => {}, stderr: () => {}, env: {} };

/** `value` as JSON in a file of its own, the way a run's payload is saved to be tried again. */
async function saved(value: unknown): Promise<string> {
  const file = join(await tempDir("gp-payload-"), "payload.json");
  await writeFile(file, JSON.stringify(value));
  return file;
}

describe("update --payload FILE", () => {
  it("reads a payload GitHub delivered as a workflow_dispatch input: 65,535 characters there, over client_payload's 64KB of UTF-8", async () => {
    // The dispatch Action sends it with `workflow` and a client-payload of non-ASCII text; the update Action reads it.
    const payload = { v: 1, images: ["ghcr.io/acme/app:1.2.3"], note: "é".repeat(40_000) };
    expect(new TextEncoder().encode(JSON.stringify(payload)).length).toBeGreaterThan(64 * 1024);
    expect(await readPayload(await saved(payload), io)).toEqual(payload);
  });

  it("holds a file to none of GitHub's limits on sending one: no event carried it, and its images are read as --image's are", async () => {
    const images = Array.from({ length: 3000 }, (_, i) => `ghcr.io/acme/service-${i}:1.2.3`);
    const extra = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`build${i}`, i]));
    const payload = { v: 1, images, ...extra };
    expect(await readPayload(await saved(payload), io)).toEqual(payload);
  });

  it("refuses what the update cannot read, a payload nesting past any payload's need among them", async () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < MAX_PAYLOAD_NESTING; i++) deep = [deep];
    await expect(readPayload(await saved({ v: 1, images: ["ghcr.io/acme/app:1.2.3"], deep }), io)).rejects.toThrow(
      new PayloadError("--payload", `nests lists or objects more than ${MAX_PAYLOAD_NESTING} deep; no payload needs that many levels`),
    );
    await expect(readPayload(await saved({ images: ["ghcr.io/acme/app:1.2.3"] }), io)).rejects.toThrow(
      new PayloadError("--payload.v", "missing; expected 1 (the payload version)"),
    );
  });
});
