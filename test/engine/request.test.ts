import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/change.js";
import { parseSet, RequestError, setSpecError, trySetSpec, upperCaseHint, validateRequest, type UpdateRequest } from "../../src/engine/request.js";
import { OverrideSpecError } from "../../src/kcl/override-spec.js";
import { actionFieldName } from "../support/faces.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";

function issuesOf(request: Partial<UpdateRequest>): readonly Diagnostic[] {
  return refusalOf({ images: [], setters: [], sets: [], paths: [], ...request });
}

/** What validateRequest refuses `request` for: anything a JavaScript caller can pass. */
function refusalOf(request: unknown): readonly Diagnostic[] {
  try {
    validateRequest(request as UpdateRequest);
  } catch (error) {
    if (error instanceof RequestError) return error.issues;
    throw error;
  }
  throw new Error("expected a RequestError");
}

describe("validateRequest", () => {
  it("takes images and setter values with a tag, a digest or both", () => {
    const valid = validateRequest({
      images: ["ghcr.io/acme/app:1.2.3", `ghcr.io/acme/worker@${sha}`],
      setters: [`flux-system:app=ghcr.io/acme/app:1.2.3@${sha}`],
      sets: [],
      paths: [],
    });
    expect(valid.images.map((image) => [image.repository, image.tag, image.digest])).toEqual([
      ["ghcr.io/acme/app", "1.2.3", undefined],
      ["ghcr.io/acme/worker", undefined, sha],
    ]);
    expect(valid.setters.get("flux-system:app")).toMatchObject({ tag: "1.2.3", digest: sha });
  });

  it("refuses an image without tag or digest: it would change nothing", () => {
    expect(issuesOf({ images: ["ghcr.io/acme/worker:1.0.0", "ghcr.io/acme/app"] })).toEqual([
      { field: "image", message: 'image[1]: "ghcr.io/acme/app" has no tag or digest; give repo:tag or repo@sha256:...' },
    ]);
  });

  it("refuses an image named with upper case, advising lower case as dispatch does (the owner's case of ${{ github.repository }})", () => {
    expect(issuesOf({ images: ["ghcr.io/acme/web:1.6.0", "ghcr.io/Acme/api:1.6.0"] })).toEqual([
      { field: "image", message: 'image[1]: invalid image reference "ghcr.io/Acme/api:1.6.0": repository component "Acme" must be lower-case' },
      { field: "image", message: `image[1]: ${upperCaseHint(["ghcr.io/Acme/api:1.6.0"])!.message}` },
    ]);
    expect(upperCaseHint(["ghcr.io/Acme/api:1.6.0"])!.message).toMatch(
      /^an image name is written in lower case: write its registry and repository in lower case/,
    );
  });

  it("never writes an image lower-cased: a secret in it (`ghcr.io/${{ secrets.OWNER }}/app`), masked as written, would show", () => {
    const messages = issuesOf({ images: ["ghcr.io/MyDockerUser/app:1.2.3"], fieldName: (field) => `input ${field}s` }).map((issue) => issue.message);
    expect(messages).toEqual([
      'input images: invalid image reference "ghcr.io/MyDockerUser/app:1.2.3": repository component "MyDockerUser" must be lower-case',
      `input images: ${upperCaseHint(["ghcr.io/MyDockerUser/app:1.2.3"])!.message}`,
    ]);
    expect(messages.join("\n")).not.toMatch(/mydockeruser/);
  });

  it("refuses a digest whose algorithm Kubernetes would not pull by (upper-case, md5), as an image and as a setter's value", () => {
    const upper = `ghcr.io/acme/app@${sha.replace("sha256", "SHA256")}`;
    expect(issuesOf({ images: [upper], setters: [`flux-system:app=ghcr.io/acme/app:1@md5:${"0".repeat(32)}`] })).toEqual([
      {
        field: "image",
        message: expect.stringMatching(/^image\[0\]: invalid image reference "ghcr\.io\/acme\/app@SHA256:6745aa.*": unsupported digest algorithm "SHA256": /),
      },
      {
        field: "setter",
        message: expect.stringContaining('unsupported digest algorithm "md5": Kubernetes and the container runtimes accept sha256, sha384 and sha512'),
      },
    ]);
  });

  it("refuses a setter value without tag or digest, naming the setter", () => {
    expect(issuesOf({ setters: ["flux-system:app=ghcr.io/acme/app"] })).toEqual([
      { field: "setter", message: 'setter[0] (flux-system:app): "ghcr.io/acme/app" has no tag or digest; give repo:tag or repo@sha256:...' },
    ]);
  });

  it("refuses a version given alone as an image or a setter's value, offering the whole reference", () => {
    expect(issuesOf({ images: ["1.3.1"], setters: ["flux-system:app=v5.0.3"] })).toEqual([
      { field: "image", message: 'image[0]: "1.3.1" is a tag alone; give the full reference, e.g. <repository>:1.3.1' },
      { field: "setter", message: 'setter[0] (flux-system:app): "v5.0.3" is a tag alone; give the full reference, e.g. <repository>:v5.0.3' },
    ]);
  });

  it("refuses kustomize edit set image's NAME=REF, saying to give the reference alone and how a kustomization's images: entry is found", () => {
    const hint =
      "NAME=REF is kustomize edit set image's syntax: give the reference after '=' alone, " +
      "which moves a kustomization's images: entry whose newName (or name, when it has no newName) is its repository";
    expect(issuesOf({ images: ["podinfo=ghcr.io/stefanprodan/podinfo:6.0.0", "podinfo=podinfo:6.0.0", "app=ghcr.io/acme/app::1"] })).toEqual([
      {
        field: "image",
        message: `image[0]: invalid image reference "podinfo=ghcr.io/stefanprodan/podinfo:6.0.0": registry host "podinfo=ghcr.io" is not a valid host name; ${hint}`,
      },
      {
        field: "image",
        message: `image[1]: invalid image reference "podinfo=podinfo:6.0.0": repository component "podinfo=podinfo" may only hold a-z, 0-9 and single separators '.', '_', '__' or '-' between them; ${hint}`,
      },
      // What follows '=' is no reference either: no such hint.
      { field: "image", message: expect.not.stringContaining("NAME=REF") },
    ]);
  });

  it("names the repository of a version given alone when the configuration does: the setter's image, the targets' one repository", () => {
    const known = { setters: new Map([["flux-system:podinfo", { name: "ghcr.io/stefanprodan/podinfo" }]]), repositories: ["ghcr.io/acme/app"] };
    const issues = (request: Partial<UpdateRequest>, images = known): readonly Diagnostic[] => {
      try {
        validateRequest({ images: [], setters: [], ...request }, images);
      } catch (error) {
        return (error as RequestError).issues;
      }
      return [];
    };
    expect(issues({ images: ["1.3.1"], setters: ["flux-system:podinfo=5.0.3", "flux-system:other=5.0.3"] })).toEqual([
      { field: "image", message: 'image[0]: "1.3.1" is a tag alone; give the full reference, e.g. ghcr.io/acme/app:1.3.1' },
      { field: "setter", message: 'setter[0] (flux-system:podinfo): "5.0.3" is a tag alone; give the full reference, e.g. ghcr.io/stefanprodan/podinfo:5.0.3' },
      { field: "setter", message: 'setter[1] (flux-system:other): "5.0.3" is a tag alone; give the full reference, e.g. <repository>:5.0.3' },
    ]);
    // Two repositories: which one was meant is not known.
    expect(issues({ images: ["1.3.1"] }, { ...known, repositories: ["ghcr.io/acme/app", "ghcr.io/acme/web"] })).toEqual([
      { field: "image", message: 'image[0]: "1.3.1" is a tag alone; give the full reference, e.g. <repository>:1.3.1' },
    ]);
  });

  it("refuses a setter keyed as a marker for one part (:tag, :name, :digest), offering the marker's key and a whole reference", () => {
    const known = { setters: new Map([["flux-system:app", { name: "ghcr.io/acme/app" }]]) };
    const setters = ["flux-system:app:tag=1.3.0", "flux-system:web:name=ghcr.io/acme/web", `flux-system:api:digest=ghcr.io/acme/api:1.0.0@${sha}`];
    expect(() => validateRequest({ setters }, known)).toThrow(
      new RequestError(
        [
          'setter[0]: "flux-system:app:tag" is the key of a marker for the tag alone; give the marker\'s key without ":tag" and the whole reference, e.g. setter flux-system:app=ghcr.io/acme/app:1.3.0',
          'setter[1]: "flux-system:web:name" is the key of a marker for the name alone; give the marker\'s key without ":name" and the whole reference, e.g. setter flux-system:web=ghcr.io/acme/web:<tag>',
          `setter[2]: "flux-system:api:digest" is the key of a marker for the digest alone; give the marker's key without ":digest" and the whole reference, e.g. setter flux-system:api=ghcr.io/acme/api:1.0.0@${sha}`,
        ].map((head) => ({ field: "setter", message: `${head}: the key's :tag, :name and :digest markers each take their part of it` })),
      ),
    );
  });

  it("refuses two tags of one repository, naming both as given", () => {
    expect(issuesOf({ images: ["nginx:1.25", "docker.io/library/nginx:1.26"] })).toEqual([
      { field: "image", message: "image[1]: nginx:1.25 and docker.io/library/nginx:1.26 name one repository; give each repository once" },
    ]);
  });

  it("names a repository given twice as written, not with its registry lower-cased: a secret there is masked only as written", () => {
    expect(issuesOf({ images: ["MyRegistry.example.com/app:1", "myregistry.example.com/app:2"] })).toEqual([
      { field: "image", message: "image[1]: MyRegistry.example.com/app:1 and myregistry.example.com/app:2 name one repository; give each repository once" },
    ]);
  });

  it("refuses a kcl -O spec pasted without its file, saying the file comes first", () => {
    expect(issuesOf({ sets: ['config.containers.flask_demo.image="kcllang/flask_demo:f1"', "a.image=kcllang/flask_demo:f1"] })).toEqual([
      {
        field: "set",
        message:
          'set[0]: "config.containers.flask_demo.image=\\"kcllang/flask_demo:f1\\"" starts with a spec, not a file: FILE:SPEC names the file first, e.g. main.k:config.containers.flask_demo.image="kcllang/flask_demo:f1"',
      },
      {
        field: "set",
        message:
          'set[1]: "a.image=kcllang/flask_demo:f1" starts with a spec, not a file: FILE:SPEC names the file first, e.g. main.k:a.image=kcllang/flask_demo:f1',
      },
    ]);
    expect(validateRequest({ images: [], setters: [], sets: ['./main.k:a.image="x:1"'], paths: [] }).sets).toEqual([{ file: "main.k", spec: 'a.image="x:1"' }]);
  });

  it("refuses a file and its spec written apart with a space, saying where the ':' goes", () => {
    const set = 'main.k config.containers.flaskdemo.image="x:1"';
    expect(issuesOf({ sets: [set] })).toEqual([
      {
        field: "set",
        message: `set[0]: ${JSON.stringify(set)} has a space after its file where FILE:SPEC has a ':'; write main.k:config.containers.flaskdemo.image="x:1"`,
      },
    ]);
  });

  it("refuses two values for one field of one file, naming both, the path spelt either way", () => {
    expect(issuesOf({ sets: ["values.yaml:image.tag=1.2.0", "other.yaml:image.tag=1.4.0", './values.yaml:image["tag"]=1.3.0'] })).toEqual([
      {
        field: "set",
        message:
          'set[2]: values.yaml:image["tag"] is given twice ("values.yaml:image.tag=1.2.0" and "./values.yaml:image[\\"tag\\"]=1.3.0"); give each field one value',
      },
    ]);
    expect(issuesOf({ sets: ['main.k:config.image="a:1"', "main.k:config['image']=\"a:2\""] })).toEqual([
      {
        field: "set",
        message: `set[1]: main.k:config['image'] is given twice ("main.k:config.image=\\"a:1\\"" and "main.k:config['image']=\\"a:2\\""); give each field one value`,
      },
    ]);
  });

  it("takes one value given twice, and KCL unions, appends and deletes of one path: each applies", () => {
    const sets = [
      "values.yaml:image.tag=1.2.0",
      "values.yaml:image.tag=1.2.0",
      "main.k:config.labels:{a = 1}",
      "main.k:config.labels:{b = 2}",
      "main.k:config.args+=[1]",
      "main.k:config.args+=[1]",
      "main.k:config.old-",
      "main.k:config.old-",
    ];
    expect(validateRequest({ images: [], setters: [], sets, paths: [] }).sets).toHaveLength(8);
  });

  it("refuses a --set of a kcl.mod, whose [profile] overrides only the incoming image moves, saying so", () => {
    expect(
      issuesOf({
        sets: ['apps/web/kcl.mod:app.image="x:1"', 'main.k:app.image="x:1"'],
        fieldName: (field, i) => (i === undefined ? `--${field}` : `--${field} #${i}`),
      }),
    ).toEqual([
      {
        field: "set",
        message:
          "--set #0: apps/web/kcl.mod: a kcl.mod is not a file --set or an override edits (not supported): the images its [profile] overrides hold move by repository with the incoming image, and anything else there is edited by hand",
      },
    ]);
    expect(trySetSpec("kcl-mod", "a=1")).toEqual({ field: undefined });
  });

  it("names each value as the face it came from spells it", () => {
    const request = { images: ["nginx"], setters: ["app"], sets: ["main.k"], paths: ["/etc"] };
    expect(issuesOf({ ...request, fieldName: (field) => `--${field}` })).toEqual([
      { field: "image", message: '--image: "nginx" has no tag or digest; give repo:tag or repo@sha256:...' },
      { field: "setter", message: '--setter: "app" is not <namespace>:<policy>=<image>, e.g. flux-system:app=ghcr.io/acme/app:1.2.3' },
      { field: "set", message: '--set: "main.k" is not FILE:SPEC, e.g. main.k:config.containers.app.image="ghcr.io/acme/app:1.2.3"' },
      { field: "path", message: '--path: "/etc" must be relative to the root' },
    ]);
  });
});

describe("parseSet", () => {
  it("splits at the first colon after a Windows drive's: an absolute path on Windows is one file", () => {
    expect(parseSet('C:\\work\\examples\\kcl\\main.k:config.image="nginx:1.27"')).toEqual({
      file: "C:\\work\\examples\\kcl\\main.k",
      spec: 'config.image="nginx:1.27"',
    });
    expect(parseSet("d:/work/values.yaml:image.tag=1.2.0")).toEqual({ file: "d:/work/values.yaml", spec: "image.tag=1.2.0" });
    expect(parseSet('main.k:config.image="nginx:1.27"')).toEqual({ file: "main.k", spec: 'config.image="nginx:1.27"' });
    expect(parseSet("C:\\work\\main.k")).toMatch(/is not FILE:SPEC/);
  });
});

describe("parseSet's file", () => {
  const notEdited = "is not a .k, .yaml or .yml file, the only files a set edits";

  it("is one a set edits, whether or not the tree has it: any other is refused by its name, never edited as YAML", () => {
    expect(parseSet("notes.txt:a=1")).toBe(`notes.txt ${notEdited}`);
    expect(parseSet("apps/deploy.json:spec.replicas=2")).toBe(`apps/deploy.json ${notEdited}`);
    // a mistyped extension, and a directory's name
    expect(parseSet('app/main.kcl:config.image="x"')).toBe(`app/main.kcl ${notEdited}`);
    expect(parseSet("sub:image.tag=1")).toBe(`sub ${notEdited}`);
    expect(parseSet("kcl.mod:a=1")).toMatch(/^kcl\.mod: a kcl\.mod is not a file --set or an override edits/);
    expect(parseSet("apps/Kustomization:images[0].newTag=1.2.4")).toEqual({ file: "apps/Kustomization", spec: "images[0].newTag=1.2.4" });
  });

  it("is told to come first when what stands before the ':' is a kcl -O path and what follows no spec (a union pasted without its file)", () => {
    const first = (text: string) => `${JSON.stringify(text)} starts with a spec, not a file: FILE:SPEC names the file first, e.g. main.k:${text}`;
    expect(parseSet("config.containers:{web = {}}")).toBe(first("config.containers:{web = {}}"));
    expect(parseSet('a["b.c"]:{x = 1}')).toBe(first('a["b.c"]:{x = 1}'));
  });

  it("is not read in quotes a shell would have taken off: an Action's `set:` and a library's list take the value as written", () => {
    const quoted = "'kcl/main.k:config.containers.app.image=\"x:1\"'";
    expect(parseSet(quoted, actionFieldName)).toBe(`${JSON.stringify(quoted)} is quoted; drop the quotes: in \`set:\` the value reaches the tool as written`);
    expect(parseSet(quoted)).toMatch(/drop the quotes: in `set` the value reaches the tool as written$/);
  });
});

describe("trySetSpec", () => {
  it("reads a --set spec by its file's grammar: the field's keys (indexes as strings), how it sets it, and the value it assigns", () => {
    expect(trySetSpec("yaml", "list[0].image=nginx:1")).toEqual({
      field: { path: "list[0].image", keys: ["list", "0", "image"], operation: "=", value: "nginx:1" },
    });
    expect(trySetSpec("kcl", 'config["a.b"].image = "x:1"')).toEqual({
      field: { path: 'config["a.b"].image', keys: ["config", "a.b", "image"], operation: "=", value: '"x:1"' },
    });
    // a union assigns no value of its own: it merges into the one there
    expect(trySetSpec("kcl", "config.labels:{a = 1}").field).toMatchObject({ keys: ["config", "labels"], operation: ":", value: undefined });
    expect(trySetSpec(undefined, "a=1")).toEqual({ field: undefined });
  });

  it("reads a key holding a dot as one key, another field than the dotted path", () => {
    expect(trySetSpec("yaml", 'a["x.y"]=1').field?.keys).toEqual(["a", "x.y"]);
    expect(trySetSpec("yaml", "a.x.y=1").field?.keys).toEqual(["a", "x", "y"]);
    expect(trySetSpec("kcl", 'a["x.y"]=1').field?.keys).toEqual(["a", "x.y"]);
  });

  it("gives what the file's own reader would throw, whatever the file holds", () => {
    expect(trySetSpec("yaml", "image.tag").error?.message).toBe('"image.tag" is not PATH=VALUE');
    expect(trySetSpec("kcl", "config.image=").error?.message).toMatch(/^Invalid spec format 'config\.image='/);
  });

  it("gives an error for a KCL value that is not one expression KCL reads whole: it depends on the spec alone", () => {
    expect(trySetSpec("kcl", "a.image=nginx:1.25").error?.message).toMatch(/^the value of 'a\.image=nginx:1\.25' is not one KCL expression/);
    expect(trySetSpec("kcl", 'a.image="open').error).toBeInstanceOf(OverrideSpecError);
    // A delete has no value to read.
    expect(trySetSpec("kcl", "a.image-").field).toMatchObject({ keys: ["a", "image"], operation: "-", value: undefined });
  });

  it("is what setSpecError says of a set, by its file's name", () => {
    expect(setSpecError({ file: "apps/main.k", spec: "config.image=" })?.message).toMatch(/^Invalid spec format 'config\.image='/);
    expect(setSpecError({ file: "values.yml", spec: "image.tag=1" })).toBeUndefined();
    // KCL's grammar skips an empty key (parse_attribute_path: a..b is a.b)
    expect(setSpecError({ file: "main.k", spec: 'config..image="x:1"' })).toBeUndefined();
    // a file of no kind the tool edits is read by no grammar (parseSet refuses it)
    expect(setSpecError({ file: "main.kcl", spec: "image.tag" })).toBeUndefined();
  });
});

describe("validateRequest, field by field", () => {
  it("takes a request of images alone: setters, sets and paths default to none", () => {
    expect(validateRequest({ images: ["nginx:1.27"] })).toMatchObject({ images: [{ repository: "docker.io/library/nginx" }], setters: new Map(), sets: [] });
  });

  it("takes a request of sets alone: images default to none too", () => {
    expect(validateRequest({ sets: ["values.yaml:replicas=3"] })).toMatchObject({ images: [], sets: [{ file: "values.yaml", spec: "replicas=3" }] });
  });

  it("names a list field given as something else than a list of strings, which JavaScript lets through, and says nothing more of it", () => {
    const wrong = (request: object) => issuesOf(request as Partial<UpdateRequest>);
    expect(wrong({ images: "ghcr.io/acme/web:1.5.0" })).toEqual([
      { field: "image", message: 'image: must be a list of strings, not a string ("ghcr.io/acme/web:1.5.0")' },
    ]);
    expect(wrong({ images: ["nginx:1.27", { ref: "nginx:1.28" }, 3] })).toEqual([
      { field: "image", message: "image[1]: must be a string, not a plain object" },
      { field: "image", message: "image[2]: must be a string, not a number (3)" },
    ]);
    expect(wrong({ images: ["nginx:1.27"], setters: { "flux-system:app": "nginx:1.27" }, paths: "apps" })).toEqual([
      { field: "setter", message: "setter: must be a list of strings, not a plain object" },
      { field: "path", message: 'path: must be a list of strings, not a string ("apps")' },
    ]);
    expect(wrong({ sets: null, fieldName: (field: string) => `--${field}` })).toEqual([
      { field: "set", message: "--set: must be a list of strings, not null" },
    ]);
  });

  it("names the other fields a JavaScript caller can give with the wrong type, rather than crash or take them as true", () => {
    const wrong = (request: object) => issuesOf(request as Partial<UpdateRequest>);
    const images = ["ghcr.io/acme/app:1.2.4"];
    expect(wrong({ images, targets: "production" })).toEqual([{ field: "target", message: 'targets: must be a list of strings, not a string ("production")' }]);
    expect(wrong({ images, targets: ["production", 2] })).toEqual([{ field: "target", message: "targets[1]: must be a string, not a number (2)" }]);
    expect(wrong({ images, allowDowngrade: "yes", create: 1 })).toEqual([
      { field: "request", message: 'allowDowngrade: must be true or false, not a string ("yes")' },
      { field: "request", message: "create: must be true or false, not a number (1)" },
    ]);
    expect(wrong({ images, pathInRepository: ["clusters"], fieldName: "--image" })).toEqual([
      { field: "request", message: "pathInRepository: must be a string, not an array" },
      { field: "request", message: 'fieldName: must be a function, not a string ("--image")' },
    ]);
  });

  it("refuses a key no request has, which would drop what it holds without a word, naming the key it was likely meant as", () => {
    const wrong = (request: object) => issuesOf(request as Partial<UpdateRequest>);
    const images = ["ghcr.io/acme/app:1.2.4"];
    expect(wrong({ images, set: ["values.yaml:replicas=3"] })).toEqual([{ field: "request", message: "set: unknown key of the request (did you mean sets?)" }]);
    expect(wrong({ images, allowdowngrade: true, Create: true })).toEqual([
      { field: "request", message: "allowdowngrade: unknown key of the request (did you mean allowDowngrade?)" },
      { field: "request", message: "Create: unknown key of the request (did you mean create?)" },
    ]);
    expect(wrong({ images, PATHINREPOSITORY: "clusters" })).toEqual([
      { field: "request", message: "PATHINREPOSITORY: unknown key of the request (did you mean pathInRepository?)" },
    ]);
    // Alone, it is not also "nothing to update": the images are there, under another name.
    expect(refusalOf({ image: images })).toEqual([{ field: "request", message: "image: unknown key of the request (did you mean images?)" }]);
    expect(refusalOf({ images, dryRun: true })).toEqual([
      {
        field: "request",
        message:
          "dryRun: unknown key of the request (expected images, setters, sets, paths, pathInRepository, config, targets, allowDowngrade, create, fieldName, definedAbove)",
      },
    ]);
  });

  it("takes every key of a request left undefined, as left out", () => {
    const request: Record<keyof UpdateRequest, undefined> = {
      ...{ images: undefined, setters: undefined, sets: undefined, paths: undefined, pathInRepository: undefined, config: undefined },
      ...{ targets: undefined, allowDowngrade: undefined, create: undefined, fieldName: undefined, definedAbove: undefined },
    };
    expect(validateRequest({ ...request, images: ["nginx:1.27"] })).toMatchObject({
      images: [{ repository: "docker.io/library/nginx" }],
      setters: new Map(),
      sets: [],
    });
  });

  it("refuses a configuration outside the root, as a path glob: no file of the tree, not one that does not exist", () => {
    const images = ["ghcr.io/acme/app:1.2.4"];
    expect(issuesOf({ images, config: "/etc/passwd" })).toEqual([{ field: "config", message: 'config: "/etc/passwd" must be relative to the root' }]);
    expect(issuesOf({ images, config: "../x.yaml", paths: ["../apps"] })).toEqual([
      { field: "path", message: 'path[0]: "../apps" must stay inside the root (no "..")' },
      { field: "config", message: 'config: "../x.yaml" must stay inside the root (no "..")' },
    ]);
  });

  it("refuses a path glob with a `[` left open, which would be read as a literal `[`, not the class it looks like", () => {
    expect(issuesOf({ images: ["ghcr.io/acme/app:1.2.4"], paths: ["clusters/["] })).toEqual([
      { field: "path", message: 'path[0]: "clusters/[" has a "[" that no "]" closes: close it for a class (e.g. "[ab]"), or write "[[]" to match a "["' },
    ]);
  });

  it("refuses what is no request at all, saying what one looks like", () => {
    const shape = 'the request must be an object, e.g. { images: ["ghcr.io/acme/app:1.2.4"] }, not';
    expect(refusalOf(null)).toEqual([{ field: "request", message: `${shape} null` }]);
    expect(refusalOf(undefined)).toEqual([{ field: "request", message: `${shape} nothing` }]);
    expect(refusalOf(["ghcr.io/acme/app:1.2.4"])).toEqual([{ field: "request", message: `${shape} an array` }]);
  });

  it("refuses a request with no image, setter or set, naming them as its face does", () => {
    expect(issuesOf({ paths: ["apps"] })).toEqual([{ field: "request", message: "nothing to update: give an image, a setter or a set" }]);
    expect(issuesOf({ fieldName: (field) => `--${field}` })).toEqual([{ field: "request", message: "nothing to update: give --image, --setter or --set" }]);
  });
});
