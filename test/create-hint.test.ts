import { describe, expect, it } from "vitest";
import { createHint } from "../src/create-hint.js";
import { actionFieldName, cliFieldName } from "./support/faces.js";

describe("createHint: how to have a missing path created", () => {
  it("names the switch as the face that runs takes it", () => {
    expect(createHint("image.tag", cliFieldName)).toBe("(to add image.tag, use --create)");
    expect(createHint("image.tag", actionFieldName)).toBe("(to add image.tag, use create: true)");
  });

  it("names every face's where none is known (an editor called from the library)", () => {
    expect(createHint("it")).toBe("(to add it, use --create, or create: true in the Action or the library)");
  });
});
