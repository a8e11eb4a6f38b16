import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import { byRepository, type ImageUpdate } from "../../src/image/update.js";
import { nextSpecImage } from "../../src/kcl/spec-image.js";
import { specSetting } from "../../src/kcl/spec-value.js";
import { escapeRegExp } from "../../src/text/escape-regexp.js";

const STAYS = "so it stays";

/** What nextSpecImage answers for a spec, and what it says, given the incoming images. */
function moved(spec: string, ...images: ImageUpdate[]) {
  const said: string[] = [];
  const image = nextSpecImage(specSetting(spec)!, byRepository(images), (message) => said.push(message), STAYS);
  return { next: image?.next, name: image?.name, said };
}

const app = (ref: string): ImageUpdate => ({ image: parseImageRef(ref) });

describe("nextSpecImage: the image a -O spec's value holds, moved by repository", () => {
  it("gives the next reference of a value that is one string, and the name it is written under", () => {
    expect(moved('app.image="ghcr.io/acme/app:1.0.0"', app("ghcr.io/acme/app:1.1.0"))).toEqual({
      next: "ghcr.io/acme/app:1.1.0",
      name: "ghcr.io/acme/app",
      said: [],
    });
    expect(moved('proxy.image="nginx:1.25"', app("docker.io/library/nginx:1.27"))).toMatchObject({ next: "nginx:1.27", name: "nginx" });
  });

  it("leaves another repository's image, and a string holding more than an image, without a word", () => {
    expect(moved('app.image="ghcr.io/acme/other:1.0.0"', app("ghcr.io/acme/app:1.1.0"))).toEqual({ said: [] });
    expect(moved('app.args="--image=ghcr.io/acme/app:1.0.0"', app("ghcr.io/acme/app:1.1.0"))).toEqual({ said: [] });
  });

  it("names an image of the repository in a value of another form, with what stays and what to write instead", () => {
    expect(moved('app.image="ghcr.io/acme/app:1.0.0" + "-debug"', app("ghcr.io/acme/app:1.1.0")).said).toEqual([
      `holds ghcr.io/acme/app:1.0.0 in an expression (KCL reads it as the string of its whole text), which is not edited, ${STAYS}; write the reference alone as one quoted string: app.image="ghcr.io/acme/app:1.0.0"`,
    ]);
    expect(moved('app.images+=["ghcr.io/acme/app:1.0.0"]', app("ghcr.io/acme/app:1.1.0")).said).toEqual([
      `holds ghcr.io/acme/app:1.0.0 in an expression, which is not edited, ${STAYS}; -O sets no list item, so keep the image in the .k file's list, where it is edited`,
    ]);
  });

  it.each([
    [
      "unquoted, of which KCL keeps a head",
      "proxy.image=nginx:1.25",
      "in a value of which KCL keeps only 'nginx'",
      'quote a string value: proxy.image="nginx:1.25"',
    ],
    ["never closed", 'app.image="ghcr.io/acme/app:1.0.0', "in a value KCL cannot read", "close its quote"],
    [
      "mistyped operator",
      'app.image:="ghcr.io/acme/app:1.0.0"',
      "in a value KCL cannot read",
      "':=' is no operator of KCL's -O, whose operators are =, :, += and -",
    ],
    // The version the interpolation takes is not in the text: the advice shows where it goes.
    [
      "interpolated",
      'app.image="ghcr.io/acme/app:${tag}"',
      "in an interpolated string",
      'write the version in the string itself, not through ${…}: app.image="ghcr.io/acme/app:<tag>"',
    ],
    [
      "a call",
      'app.image=image("ghcr.io/acme/app:1.0.0")',
      "in an expression",
      'set the image in a spec of its own whose value is one quoted string (<field>="ghcr.io/acme/app:1.0.0")',
    ],
  ])("ends the warning about a value %s with what to write", (_, spec, form, advice) => {
    expect(moved(spec, app("ghcr.io/acme/app:1.1.0"), app("docker.io/library/nginx:1.27")).said).toEqual([
      expect.stringMatching(new RegExp(`^holds \\S+ ${escapeRegExp(form)}, which is not edited, ${STAYS}; ${escapeRegExp(advice)}$`)),
    ]);
  });

  it("names a {repository, tag} expression only when the KCL editor would move its tag", () => {
    const pair = 'app.image={repository = "ghcr.io/acme/app", tag = "1.0.0"}';
    expect(moved(pair, app("ghcr.io/acme/app:1.0.0")).said).toEqual([]);
    expect(moved(pair, app("ghcr.io/acme/app:1.1.0")).said).toEqual([
      `holds ghcr.io/acme/app in an expression, which is not edited, ${STAYS}; set the image in a spec of its own whose value is one quoted string (<field>="ghcr.io/acme/app:<tag>")`,
    ]);
  });

  it("names a bare repository, whose version is set elsewhere, and a version its policy keeps", () => {
    expect(moved('app.image="ghcr.io/acme/app"', app("ghcr.io/acme/app:1.1.0")).said).toEqual([
      expect.stringMatching(/^holds ghcr\.io\/acme\/app with no tag or digest/),
    ]);
    const older = { image: parseImageRef("ghcr.io/acme/app:1.0.0"), policy: parsePolicy({ semver: { range: "^1.0.0" } }) };
    expect(moved('app.image="ghcr.io/acme/app:1.2.0"', older)).toEqual({ said: [expect.stringMatching(/^keeps 1\.2\.0, which its policy/)] });
  });
});
