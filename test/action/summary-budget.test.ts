import * as core from "@actions/core";
import { EOL } from "node:os";
import { beforeEach, describe, expect, it } from "vitest";
import { byteLength, cutToBytes, firstFitting, itemBytes, rowBytes } from "../../src/action/summary-budget.js";

describe("what a job summary's list may take", () => {
  beforeEach(() => core.summary.emptyBuffer());

  it("counts a table row as core.summary writes it, multi-byte text in UTF-8 bytes", () => {
    const cells = ["<code>apps/café.yaml</code>:10", "<code>image</code>", "nginx:1.25 → nginx:1.26"];
    const table = core.summary.addTable([cells]).stringify();
    expect(byteLength(table)).toBe(rowBytes(cells) + byteLength(`<table></table>${EOL}`));
  });

  it("counts a list item as core.summary writes it", () => {
    const items = ["<code>apps/app.yaml</code>:3: not parsed", "naïve ✓"];
    const list = core.summary.addList(items).stringify();
    expect(byteLength(list)).toBe(items.map(itemBytes).reduce((a, b) => a + b) + byteLength(`<ul></ul>${EOL}`));
  });

  it("shows the first items that fit, in order, and says which are left out", () => {
    const fitting = firstFitting(["aaaa", "bbbb", "cc", "d"], 9, (item) => item.length);
    expect(fitting).toEqual({ shown: ["aaaa", "bbbb"], omitted: ["cc", "d"], bytes: 8 });
    expect(firstFitting(["aaaa", "bbbb"], 8, (item) => item.length)).toEqual({ shown: ["aaaa", "bbbb"], omitted: [], bytes: 8 });
  });

  it("cuts a message at the end of a character, never inside one", () => {
    expect(cutToBytes("fits", 4)).toBeUndefined();
    // é is 2 bytes and 🚀 is 4: a budget ending inside either stops before it.
    expect(cutToBytes("café au lait", 4)).toBe("caf");
    expect(cutToBytes("go 🚀 now", 5)).toBe("go ");
    expect(cutToBytes("go 🚀 now", 7)).toBe("go 🚀");
  });
});
