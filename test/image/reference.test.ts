import { describe, expect, it } from "vitest";
import {
  builtRefProblem,
  formatImageRef,
  lowerCasedReference,
  normalizeRepository,
  parseImageRef,
  screenToken,
  writtenRegistry,
} from "../../src/image/reference.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";

describe("parseImageRef", () => {
  it.each([
    ["nginx", { name: "nginx", repository: "docker.io/library/nginx" }],
    ["nginx:1.25", { name: "nginx", repository: "docker.io/library/nginx", tag: "1.25" }],
    ["library/nginx:1.25", { name: "library/nginx", repository: "docker.io/library/nginx", tag: "1.25" }],
    ["docker.io/library/nginx", { name: "docker.io/library/nginx", repository: "docker.io/library/nginx" }],
    ["index.docker.io/library/nginx", { name: "index.docker.io/library/nginx", repository: "docker.io/library/nginx" }],
    ["docker.io/nginx", { name: "docker.io/nginx", repository: "docker.io/library/nginx" }],
    ["kcllang/flask_demo:8d31498e", { name: "kcllang/flask_demo", repository: "docker.io/kcllang/flask_demo", tag: "8d31498e" }],
    ["ghcr.io/acme/app:1.2.3", { name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", tag: "1.2.3" }],
    [`ghcr.io/acme/app:1.2.3@${sha}`, { name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", tag: "1.2.3", digest: sha }],
    [`ghcr.io/acme/app@${sha}`, { name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", digest: sha }],
    ["localhost:5000/x", { name: "localhost:5000/x", repository: "localhost:5000/x" }],
    ["localhost/x:v1", { name: "localhost/x", repository: "localhost/x", tag: "v1" }],
    ["127.0.0.1:5000/myorg/myapp:1.10.0", { name: "127.0.0.1:5000/myorg/myapp", repository: "127.0.0.1:5000/myorg/myapp", tag: "1.10.0" }],
    ["[::1]:5000/app:v1", { name: "[::1]:5000/app", repository: "[::1]:5000/app", tag: "v1" }],
    ["registry.example.com/a/b/c/d:v2025.07.03", { name: "registry.example.com/a/b/c/d", repository: "registry.example.com/a/b/c/d", tag: "v2025.07.03" }],
    [
      "my-registry.local:443/team__x/app-name.sub:latest",
      { name: "my-registry.local:443/team__x/app-name.sub", repository: "my-registry.local:443/team__x/app-name.sub", tag: "latest" },
    ],
    ["index.repo.fake/updated:v1.0.1", { name: "index.repo.fake/updated", repository: "index.repo.fake/updated", tag: "v1.0.1" }],
    ["image:v1.0.0", { name: "image", repository: "docker.io/library/image", tag: "v1.0.0" }],
    ["a:_tag", { name: "a", repository: "docker.io/library/a", tag: "_tag" }],
  ])("accepts %s", (input, expected) => {
    expect(parseImageRef(input)).toEqual(expected);
  });

  it.each([
    ["", /empty/],
    ["ghcr.io/acme/app:1.2.3\nimage: evil", /newline/],
    ["ghcr.io/acme/app:1.2.3\r", /newline/],
    ["ghcr.io/acme/app:1.2.3 # x", /space/],
    ["ghcr.io/acme/app 1.2.3", /space/],
    ["ghcr.io/acme/app:\t1", /a tab/],
    ['ghcr.io/acme/app:1"', /quote/],
    ["ghcr.io/acme/app:1'", /quote/],
    ["ghcr.io/acme/app:`x`", /quote/],
    ["ghcr.io/acme/app:1#2", /comment/],
    ["ghcr.io/acme/app:${TAG}", "it contains an interpolation ('${')"],
    ["ghcr.io/acme/${x}", "it contains an interpolation ('${')"],
    ["ghcr.io/acme/app:1\u0000", /control character/],
    ["ghcr.io/acme/app:1\u001b[31m", /control character/],
    ["ghcr.io/acme/app:1\u007f", /control character/],
    ["ghcr.io/acme/app:1\\n", /backslash/],
    ["ghcr.io/acme/äpp:1", /non-ASCII/],
    ["ghcr.io/acme/app:1\u00a0", /non-ASCII/],
    ["ghcr.io/acme/app:", /tag after ':' is empty/],
    ["ghcr.io/acme/app:-1", /tag/],
    ["ghcr.io/acme/app:.1", /tag/],
    ["ghcr.io/acme/app:1:2", /tag/],
    [`ghcr.io/acme/app:${"a".repeat(129)}`, /at most 128/],
    [`ghcr.io/${"a".repeat(260)}`, /at most 255/],
    ["ghcr.io/Acme/app", /lower-case/],
    ["Nginx", /lower-case|host/],
    ["ghcr.io//app", /empty component/],
    ["ghcr.io/acme/app/", /empty component/],
    ["/acme/app", /empty component/],
    ["ghcr.io/acme/-app", /component/],
    ["ghcr.io/acme/app-", /component/],
    ["ghcr.io/acme/a..b", /component/],
    ["ghcr.io/acme/a___b", /component/],
    ["ghcr.io/acme/a+b", /component/],
    ["ghcr.io/acme/a%2fb", /component/],
    [":1.0", /repository name is empty/],
    ["@sha256:abc", /digest/],
    ["ghcr.io/acme/app@sha256:1234567890abcdef", /digest/],
    ["ghcr.io/acme/app@sha256:" + "a".repeat(63), /64 hex digits/],
    ["ghcr.io/acme/app@sha256:" + "a".repeat(65), /64 hex digits/],
    ["ghcr.io/acme/app@sha256:" + "A".repeat(64), /lower-case/],
    ["ghcr.io/acme/app@sha256:" + "g".repeat(64), /digest/],
    ["ghcr.io/acme/app@" + "a".repeat(64), /digest/],
    [`ghcr.io/acme/app@${sha}@${sha}`, /more than one '@'/],
    ["ghcr.io/acme/app@sha256:" + "a".repeat(63) + "g", /lower-case hex/],
    ["ghcr.io:99999/app", /port/],
    ["ghcr.io:port/app", /port/],
    ["-bad.io/app", /host/],
    ["bad_host.io/app", /host/],
    ["ghcr.io/acme/app:1.0;rm", /tag/],
    ["ghcr.io/acme/app:1.0|x", /tag/],
    ["ghcr.io/acme/app:{{ .Values.tag }}", /space|tag/],
  ])("refuses %j", (input, reason) => {
    expect(() => parseImageRef(input)).toThrow(reason);
  });

  it("accepts sha384 and sha512 digests, which go-digest registers beside sha256", () => {
    const sha384 = `sha384:${"0a".repeat(48)}`;
    const sha512 = `sha512:${"0b".repeat(64)}`;
    expect(parseImageRef(`ghcr.io/acme/app@${sha384}`).digest).toBe(sha384);
    expect(parseImageRef(`ghcr.io/acme/app:1@${sha512}`).digest).toBe(sha512);
    expect(() => parseImageRef(`ghcr.io/acme/app@sha384:${"a".repeat(64)}`)).toThrow("a sha384 digest has 96 hex digits, this one has 64");
  });

  // The kubelet's parse refuses them (ErrDigestUnsupported), so the pod would stop at InvalidImageName.
  it.each([
    ["an upper-case algorithm", `SHA256:${"a".repeat(64)}`, '"SHA256"'],
    ["md5", `md5:${"a".repeat(32)}`, '"md5"'],
    ["blake3, registered by the OCI spec but not by the runtimes", `blake3:${"a".repeat(64)}`, '"blake3"'],
    ["sha1", `sha1:${"a".repeat(40)}`, '"sha1"'],
    ["a name of Object.prototype", `constructor:${"a".repeat(64)}`, '"constructor"'],
  ])("refuses a digest with %s as its algorithm", (_, digest, algorithm) => {
    expect(() => parseImageRef(`ghcr.io/acme/app:1.2.3@${digest}`)).toThrow(
      `: unsupported digest algorithm ${algorithm}: Kubernetes and the container runtimes accept sha256, sha384 and sha512, in lower case`,
    );
  });

  it("says what a digest looks like when it has no algorithm", () => {
    expect(() => parseImageRef(`ghcr.io/acme/app@${"a".repeat(64)}`)).toThrow(
      `digest "${"a".repeat(64)}" is not <algorithm>:<hex>, e.g. sha256:<64 hex digits>`,
    );
    expect(() => parseImageRef(`ghcr.io/acme/app@:${"a".repeat(64)}`)).toThrow("is not <algorithm>:<hex>");
  });

  it("says to drop a URL scheme or a transport, which would read as a registry with an empty port", () => {
    expect(() => parseImageRef("https://ghcr.io/acme/app:1.0")).toThrow(
      'invalid image reference "https://ghcr.io/acme/app:1.0": it starts with "https://"; a reference has no scheme: drop it (ghcr.io/acme/app:1.0)',
    );
    expect(() => parseImageRef("docker://nginx:1.27")).toThrow('it starts with "docker://"; a reference has no scheme: drop it (nginx:1.27)');
  });

  it("says which input is wrong", () => {
    expect(() => parseImageRef("ghcr.io/acme/app:1 x")).toThrow('invalid image reference "ghcr.io/acme/app:1 x": it contains a space');
    expect(() => parseImageRef("ghcr.io/acme/app:1.0\t")).toThrow('invalid image reference "ghcr.io/acme/app:1.0\\t": it contains a tab');
    expect(() => parseImageRef("ghcr.io/acme/app::1.0")).toThrow(
      "it has more than one ':' after its last '/': a reference is name:tag, with one ':' before the tag",
    );
    expect(() => parseImageRef("localhost:5000/app:1:0")).toThrow("it has more than one ':' after its last '/'");
    // A sender's 60 KB reference is quoted in part, with its length.
    expect(() => parseImageRef(`ghcr.io/acme/app:1 ${"x".repeat(60_000)}`)).toThrow(
      /^invalid image reference "ghcr\.io\/acme\/app:1 x{81}…" \(60019 characters\): it contains a space$/,
    );
  });
});

describe("normalizeRepository", () => {
  it("maps every Docker Hub spelling to one repository", () => {
    const spellings = [
      "nginx",
      "library/nginx",
      "docker.io/nginx",
      "docker.io/library/nginx",
      "index.docker.io/library/nginx",
      "registry-1.docker.io/library/nginx",
    ];
    expect(new Set(spellings.map(normalizeRepository))).toEqual(new Set(["docker.io/library/nginx"]));
  });
  it("ignores the case of the registry host, as DNS does, and keeps the name as written", () => {
    expect(parseImageRef("GHCR.io/acme/app:1.2.3")).toEqual({ name: "GHCR.io/acme/app", repository: "ghcr.io/acme/app", tag: "1.2.3" });
    expect(new Set(["ghcr.io/acme/app", "GHCR.IO/acme/app", "Ghcr.Io/acme/app"].map(normalizeRepository))).toEqual(new Set(["ghcr.io/acme/app"]));
    expect(new Set(["Docker.io/library/nginx", "INDEX.DOCKER.IO/nginx", "nginx"].map(normalizeRepository))).toEqual(new Set(["docker.io/library/nginx"]));
    expect(normalizeRepository("Registry.Example.com:5000/team/app")).toBe("registry.example.com:5000/team/app");
    expect(screenToken(parseImageRef("Docker.io/library/nginx:1"))).toBe("nginx");
    // The path stays case-sensitive: an upper-case component is no repository at all.
    expect(normalizeRepository("ghcr.io/Acme/app")).toBeUndefined();
  });
  it("is undefined for a name with a tag or an invalid name", () => {
    expect(normalizeRepository("nginx:1")).toBeUndefined();
    expect(normalizeRepository("Not Valid")).toBeUndefined();
  });
});

describe("writtenRegistry", () => {
  it("gives the registry a name spells out, as parseImageRef tells a registry from a Docker Hub namespace", () => {
    const names = ["ghcr.io/acme/app", "localhost:5000/app", "localhost/app", "acme/app", "nginx"];
    expect(names.map(writtenRegistry)).toEqual(["ghcr.io", "localhost:5000", "localhost", undefined, undefined]);
  });
});

describe("formatImageRef and screenToken", () => {
  it("round-trips what it parses", () => {
    for (const text of ["nginx", "nginx:1.25", `ghcr.io/acme/app:1.2.3@${sha}`, `ghcr.io/acme/app@${sha}`]) {
      expect(formatImageRef(parseImageRef(text))).toBe(text);
    }
  });
  it("screens by the repository path without its registry", () => {
    expect(screenToken(parseImageRef("ghcr.io/acme/app:1"))).toBe("acme/app");
    expect(screenToken(parseImageRef("docker.io/library/nginx"))).toBe("nginx");
    expect(screenToken(parseImageRef("bitnami/redis"))).toBe("bitnami/redis");
    expect(screenToken(parseImageRef("localhost:5000/x"))).toBe("x");
  });
});

describe("lowerCasedReference", () => {
  it("lower-cases the name of a reference refused for its case, and keeps the tag's case", () => {
    expect(lowerCasedReference("ghcr.io/Acme-Corp/app:1.2.3")).toBe("ghcr.io/acme-corp/app:1.2.3");
    expect(lowerCasedReference("ghcr.io/Acme-Corp/App:RC1")).toBe("ghcr.io/acme-corp/app:RC1");
    expect(lowerCasedReference(`GHCR.io/Acme/app@${sha}`)).toBe(`ghcr.io/acme/app@${sha}`);
    expect(lowerCasedReference("localhost:5000/Team/app:v1")).toBe("localhost:5000/team/app:v1");
    expect(lowerCasedReference("Nginx:1.27")).toBe("nginx:1.27");
  });
  it("is undefined for a valid reference, or one that case alone does not make valid", () => {
    expect(lowerCasedReference("ghcr.io/acme/app:1.2.3")).toBeUndefined();
    expect(lowerCasedReference("GHCR.io/acme/app:1.2.3")).toBeUndefined();
    expect(lowerCasedReference("ghcr.io/Acme/app:1 2")).toBeUndefined();
    expect(lowerCasedReference("ghcr.io/acme/app@sha256:" + "A".repeat(64))).toBeUndefined();
  });
});

describe("builtRefProblem", () => {
  it("is undefined for what parseImageRef gives, and says what parseImageRef refuses in a reference built by hand", () => {
    expect(builtRefProblem(parseImageRef(`ghcr.io/acme/app:1.2.3@${sha}`))).toBeUndefined();
    expect(builtRefProblem({ name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", tag: "1\nx: y" })).toBe(
      'invalid image reference "ghcr.io/acme/app:1\\nx: y": it contains a newline',
    );
    expect(builtRefProblem({ name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", digest: `SHA256:${"a".repeat(64)}` })).toMatch(
      /unsupported digest algorithm "SHA256"/,
    );
  });

  it("names a part the reference's text reads otherwise", () => {
    expect(builtRefProblem({ name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", tag: `1@${sha}` })).toBe(
      `"ghcr.io/acme/app:1@${sha}" has tag "1", not "1@${sha}"`,
    );
  });
});
