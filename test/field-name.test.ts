import { describe, expect, it } from "vitest";
import { byFlag, byIndex, givenValue, type FieldNamer } from "../src/field-name.js";

describe("givenValue: a request field in the terms of the face that runs", () => {
  const cli: FieldNamer = (field) => `--${field}`;
  const action: FieldNamer = (field, _index, giving) => (giving ? `${field}s:` : `input ${field}s`);

  it("names the CLI's flag before the value", () => {
    expect(givenValue(cli, "setter", "flux-system:app=REF")).toBe("--setter flux-system:app=REF");
  });

  it("names the Action's input alone, and as a workflow writes it before a value", () => {
    expect(action("setter", 0)).toBe("input setters");
    expect(givenValue(action, "setter", "flux-system:app=REF")).toBe("setters: flux-system:app=REF");
  });

  it("names the library's field without a namer, as its index naming does", () => {
    expect(givenValue(undefined, "setter", "flux-system:app=REF")).toBe("setter flux-system:app=REF");
    expect(byIndex("image", 1)).toBe("image[1]");
  });

  it("names the CLI's flag with byFlag, whatever the index", () => {
    expect([byFlag("set"), byFlag("image", 2)]).toEqual(["--set", "--image"]);
    expect(givenValue(byFlag, "image", "ghcr.io/acme/app:1.2.3")).toBe("--image ghcr.io/acme/app:1.2.3");
  });
});
