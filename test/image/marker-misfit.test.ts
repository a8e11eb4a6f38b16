import { describe, expect, it } from "vitest";
import { readMarker, type Marker } from "../../src/image/marker.js";
import { misfitWarning } from "../../src/image/marker-misfit.js";

const sha = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
const marker = (setter: string): Marker => {
  const reading = readMarker(`# {"$imagepolicy": "${setter}"}`);
  if (!reading || !("marker" in reading)) throw new Error(setter);
  return reading.marker;
};
/** The warning for `value` written into the field, or none. */
const said = (setter: string, key: string | undefined, old: string, value: string) => misfitWarning(marker(setter), key ?? "a string", key, old)?.(value);

describe("misfitWarning", () => {
  it("says a whole-reference marker writes the whole reference into a field named as a tag", () => {
    expect(said("ns:app", "newTag", "1.0", "ghcr.io/acme/app:1.1")).toBe(
      'Flux setter "ns:app" marks newTag, a tag field, with the whole reference: ghcr.io/acme/app:1.1 is written there, as Flux writes a marked field, ' +
        'and kustomize or the chart reads it as a tag (name:ghcr.io/acme/app:1.1); mark it {"$imagepolicy": "ns:app:tag"} to set the tag alone',
    );
    expect(said("ns:app", "image", "ghcr.io/acme/app:1.0", "ghcr.io/acme/app:1.1")).toBeUndefined();
  });

  it("says a whole-reference marker writes the whole reference into a field named for another part: a repository, kustomize's newName, a digest", () => {
    expect(said("ns:app", "repository", "ghcr.io/acme/app", "ghcr.io/acme/app:1.1")).toBe(
      'Flux setter "ns:app" marks repository, a name field, with the whole reference: ghcr.io/acme/app:1.1 is written there, as Flux writes a marked field, ' +
        'and kustomize or the chart reads it as a name (ghcr.io/acme/app:1.1:tag); mark it {"$imagepolicy": "ns:app:name"} to set the name alone',
    );
    expect(said("ns:app", "newName", "ghcr.io/acme/app", "ghcr.io/acme/app:1.1")).toMatch(/marks newName, a name field, .* \{"\$imagepolicy": "ns:app:name"\}/);
    expect(said("ns:app", "digest", sha, `ghcr.io/acme/app:1.1@${sha}`)).toMatch(
      new RegExp(
        `marks digest, a digest field, .* reads it as a digest \\(name@ghcr.io/acme/app:1.1@${sha}\\); mark it \\{"\\$imagepolicy": "ns:app:digest"\\}`,
      ),
    );
  });

  it('says a part marker writes its part alone into a field holding a whole reference, an emptied digest as ""', () => {
    expect(said("ns:app:tag", "image", "ghcr.io/acme/app:1.0", "1.1")).toBe(
      'Flux setter "ns:app:tag" marks image, which holds a whole reference (ghcr.io/acme/app:1.0), with its tag alone: 1.1 is written there, as Flux writes a marked field, ' +
        'and the field then holds only that; mark it {"$imagepolicy": "ns:app"} to set the whole reference',
    );
    expect(said("ns:app:digest", undefined, "ghcr.io/acme/app:1.0", "")).toMatch(/^Flux setter "ns:app:digest" marks a string, .* "" is written there/);
  });

  it("says a part marker writes its part into a field named for another part, whatever that held (review kclfuzz N1)", () => {
    expect(said("ns:app:name", "tag", "1.0.0", "ghcr.io/acme/app")).toBe(
      'Flux setter "ns:app:name" marks tag, a tag field, with the name alone: ghcr.io/acme/app is written there, as Flux writes a marked field, ' +
        'and what reads the field reads it as a tag; mark it {"$imagepolicy": "ns:app:tag"} to set the tag',
    );
    expect(said("ns:app:tag", "newName", "ghcr.io/acme/app", "1.1")).toMatch(
      /marks newName, a name field, with the tag alone: .* mark it \{"\$imagepolicy": "ns:app:name"\}/,
    );
    expect(said("ns:app:digest", "newTag", "1.0", sha)).toMatch(/marks newTag, a tag field, with the digest alone/);
    expect(said("ns:app:tag", "digest", "", "1.1")).toMatch(/marks digest, a digest field, with the tag alone/);
  });

  it("says nothing of a part marker on a field holding that part alone, or named for it, whatever it holds", () => {
    expect(said("ns:app:tag", "image", "1.0", "1.1")).toBeUndefined();
    expect(said("ns:app:digest", "pin", sha, sha)).toBeUndefined();
    expect(said("ns:app:name", "image", "ghcr.io/acme/app", "ghcr.io/acme/web")).toBeUndefined();
    expect(said("ns:app:tag", "tag", "ghcr.io/acme/app:1.0", "1.1")).toBeUndefined();
    expect(said("ns:app:name", "repository", "ghcr.io/acme/app:1.0", "ghcr.io/acme/app")).toBeUndefined();
  });
});
