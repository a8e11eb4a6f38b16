import { describe, expect, it } from "vitest";
import { annotationOf, locating } from "../../../src/action/update/annotation.js";

describe("where an annotation says a diagnostic is", () => {
  const issue = { file: ".github/gitops-promote.yaml", line: 5, message: "targets[0]: unknown key" };

  it("on its file and line when the checkout is the workflow's own repository, whatever the case of its name", () => {
    expect(locating({ owner: "acme", repo: "manifests" }, "acme/manifests")).toBe("on-file");
    expect(locating({ owner: "Acme", repo: "Manifests" }, "acme/manifests")).toBe("on-file");
    expect(annotationOf(issue, "on-file")).toEqual(["targets[0]: unknown key", { file: ".github/gitops-promote.yaml", startLine: 5, title: "gitops-promote" }]);
  });

  it("in the message when the checkout is another repository, or on another git server: GitHub would attach the file to the workflow's repository", () => {
    expect(locating({ owner: "acme", repo: "manifests" }, "acme/app")).toBe("in-message");
    expect(locating(undefined, "acme/manifests")).toBe("in-message");
    expect(annotationOf(issue, "in-message")).toEqual([".github/gitops-promote.yaml:5: targets[0]: unknown key", { title: "gitops-promote" }]);
    expect(annotationOf({ message: "no image to promote" }, "in-message")).toEqual(["no image to promote", { title: "gitops-promote" }]);
  });
});
