import { describe, expect, it } from "vitest";
import type { Change } from "../../src/change.js";
import {
  bodyRows,
  changeRow,
  changeRows,
  cumulativeRows,
  describedCommit,
  imagesTitle,
  pullRequestBody,
  pullRequestTitle,
  type ChangeRow,
} from "../../src/github/pull-request-body.js";
import { defaultCommitMessage } from "../../src/engine/commit-message.js";
import { formatImageRef, parseImageRef, type ImageRef } from "../../src/image/reference.js";

describe("the body's table and the title", () => {
  const APP = parseImageRef("ghcr.io/acme/app:1.2.4");
  const PINNED = parseImageRef("ghcr.io/acme/api:2.0.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  const change = (file: string, key: string, old: string, new_: string): Change => ({ file, line: 3, kind: "image", key, old, new: new_ });

  it("name the incoming image each value comes from: a whole reference by repository, a tag or digest field by its value, an override none", () => {
    const rows = [
      changeRow(change("app.yaml", "image", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.2.4"), [APP, PINNED]),
      changeRow(change("values.yaml", "image.tag", "1.2.3", "1.2.4"), [APP, PINNED]),
      changeRow(change("api/kustomization.yaml", "images[0].digest", "sha256:aa", PINNED.digest!), [APP, PINNED]),
      changeRow(change("values.yaml", "replicas", "1", "2"), [APP, PINNED]),
    ];
    expect(rows.map((r) => r.image)).toEqual(["ghcr.io/acme/app:1.2.4", "ghcr.io/acme/app:1.2.4", PINNED.name + ":2.0.1@" + PINNED.digest, undefined]);
    expect(imagesTitle(rows)).toBe("chore(deploy): ghcr.io/acme/api 2.0.1@sha256:0123456789ab, ghcr.io/acme/app 1.2.4");
    expect(imagesTitle(rows.slice(0, 2))).toBeUndefined();
    // A target's own pull request is titled after it, whichever title is ours.
    const subject = "chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4";
    const prod = rows.map((r) => ({ ...r, target: "prod" }));
    expect(pullRequestTitle(prod, subject, "prod")).toBe("chore(deploy): prod: ghcr.io/acme/api 2.0.1@sha256:0123456789ab, ghcr.io/acme/app 1.2.4");
    expect(pullRequestTitle(prod.slice(0, 2), subject, "prod")).toBe("chore(deploy): prod: ghcr.io/acme/app 1.2.3 -> 1.2.4");
    expect(pullRequestTitle(rows.slice(0, 2), subject, undefined)).toBe(subject);
  });

  it("name the image's repository in the Image column, New showing its version; in full only when New does not show it all", () => {
    const rows = [
      changeRow(change("app.yaml", "image", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.2.4"), [APP, PINNED]),
      changeRow(change("values.yaml", "image.tag", "1.2.3", "1.2.4"), [APP, PINNED]),
      changeRow(change("api/kustomization.yaml", "images[0].digest", "sha256:aa", PINNED.digest!), [APP, PINNED]),
      changeRow(change("values.yaml", "replicas", "1", "2"), [APP, PINNED]),
    ];
    const body = pullRequestBody("", rows, []);
    expect(body.split("\n").filter((l) => l.startsWith("| <code>"))).toEqual([
      "| <code>app.yaml:3</code> | <code>image</code> | <code>ghcr.io/acme/app:1.2.3</code> | <code>ghcr.io/acme/app:1.2.4</code> | <code>ghcr.io/acme/app</code> |",
      "| <code>values.yaml:3</code> | <code>image.tag</code> | <code>1.2.3</code> | <code>1.2.4</code> | <code>ghcr.io/acme/app</code> |",
      // The digest field does not show the tag the pinned image came with; brackets are character references.
      `| <code>api/kustomization.yaml:3</code> | <code>images&#91;0&#93;.digest</code> | <code>sha256:aa</code> | <code>${PINNED.digest}</code> | <code>${formatImageRef(PINNED)}</code> |`,
      "| <code>values.yaml:3</code> | <code>replicas</code> | <code>1</code> | <code>2</code> |  |",
    ]);
    // Read back whole, so a later run's title still names each image's version.
    expect(bodyRows(body)).toEqual(rows);
    expect(imagesTitle(bodyRows(body))).toBe(imagesTitle(rows));
  });

  it('show no value (a field created or deleted) as (none), an empty string as "", and a digest the incoming tag emptied by that image (review kcl18 S3)', () => {
    const API = parseImageRef("ghcr.io/acme/api:1.7.0");
    const pin = `sha256:${"4".repeat(64)}`;
    const rows = [
      ...changeRows(
        [change("api/kustomization.yaml", "images[0].newTag", "1.5.0", "1.7.0"), { ...change("api/kustomization.yaml", "images[0].digest", pin, ""), line: 4 }],
        [API],
      ),
      // A field an override creates held nothing; one a delete spec removes holds nothing after; a label set to "" holds the empty string.
      ...changeRows(
        [
          { ...change("values.yaml", "replicas", "", "2"), op: "create" },
          { ...change("main.k", "config.labels.a", "1", ""), line: 4, op: "delete" },
          { ...change("main.k", "config.labels.b", "2", ""), line: 5 },
          { ...change("main.k", "config.note", "", '""'), line: 6 },
        ],
        [API],
      ),
    ];
    expect(rows.map((r) => r.image)).toEqual(["ghcr.io/acme/api:1.7.0", "ghcr.io/acme/api:1.7.0", undefined, undefined, undefined, undefined]);
    const body = pullRequestBody("", rows, []);
    expect(body.split("\n").filter((l) => l.startsWith("| <code>"))).toEqual([
      "| <code>api/kustomization.yaml:3</code> | <code>images&#91;0&#93;.newTag</code> | <code>1.5.0</code> | <code>1.7.0</code> | <code>ghcr.io/acme/api</code> |",
      // New does not show the image that emptied the digest: the Image column gives it in full.
      `| <code>api/kustomization.yaml:4</code> | <code>images&#91;0&#93;.digest</code> | <code>${pin}</code> | <code>""</code> | <code>ghcr.io/acme/api:1.7.0</code> |`,
      "| <code>values.yaml:3</code> | <code>replicas</code> | (none) | <code>2</code> |  |",
      "| <code>main.k:4</code> | <code>config.labels.a</code> | <code>1</code> | (none) |  |",
      '| <code>main.k:5</code> | <code>config.labels.b</code> | <code>2</code> | <code>""</code> |  |',
      // A value of two quotes is written as character references: `""` in a cell is only ever the empty string.
      '| <code>main.k:6</code> | <code>config.note</code> | <code>""</code> | <code>&#34;&#34;</code> |  |',
    ]);
    expect(bodyRows(body)).toEqual(rows);
    // A body written before wrote an empty string as an empty code span, or as (none), read as no value.
    expect(bodyRows(body.replace('| <code>""</code> | <code>ghcr', "| <code></code> | <code>ghcr"))).toEqual(rows);
    expect(bodyRows(body.replace('| <code>""</code> | <code>ghcr', "| (none) | <code>ghcr"))[1]).toEqual({ ...rows[1], op: "delete" });
  });

  it("read back from the body they were written in, and only from ours", () => {
    const rows: ChangeRow[] = [
      { file: "a.yaml", line: 10, key: "spec.image", old: "x:1", new: "x:2", image: "x:2" },
      { file: "b.yaml", line: 4, key: "replicas", old: "1", new: "2", image: undefined },
    ];
    const body = pullRequestBody("- a.yaml", rows, ["notes.md"]);
    expect(bodyRows(body)).toEqual(rows);
    // Earlier versions gave the Image column in full.
    expect(bodyRows(body.replace("| <code>x</code> |", "| <code>x:2</code> |"))).toEqual(rows);
    expect(bodyRows(body.replace("_Opened by gitops-promote._", "Edited by hand."))).toEqual([]);
    expect(bodyRows(null)).toEqual([]);
  });

  it("read the rows of a body an earlier version wrote in code spans, from a pull request it opened", () => {
    const body = [
      "| Target | File | Field | Old | New | Image |",
      "| --- | --- | --- | --- | --- | --- |",
      "| prod | `apps/app.yaml:3` | `images[0].newTag` | `1.2.3` | `1.2.4` | `ghcr.io/acme/app` |",
      "|  | `values.yaml:4` | `replicas` | `1` | `2` |  |",
      "",
      "_Opened by gitops-promote._",
    ].join("\n");
    expect(bodyRows(body)).toEqual([
      { target: "prod", file: "apps/app.yaml", line: 3, key: "images[0].newTag", old: "1.2.3", new: "1.2.4", image: "ghcr.io/acme/app:1.2.4" },
      { file: "values.yaml", line: 4, key: "replicas", old: "1", new: "2", image: undefined },
    ]);
  });

  it("write a repository's names and values as text: no HTML, mention, reference, link or cell of their own, read back as they were", () => {
    // A file name, a YAML key and values as anyone who may push to the repository could write them.
    const hostile = [
      "apps/x` @alice <img src=x.png> #1 `|.yaml",
      '["k` <img src=https://evil.test/k.png> @acme/admins #1 `\n\n## heading\n<b>bold</b>"].image',
      "a *b* _c_ ~~d~~ [e](https://evil.test) ![f](x.png) \\| &amp; &#64; $x$ www.evil.test <!-- x --> \t\r\n",
    ];
    const rows: ChangeRow[] = hostile.map((text, i) => ({ target: "eu_1", file: text, line: i + 1, key: text, old: text, new: text, image: text }));
    const body = pullRequestBody("", rows, hostile);
    expect(bodyRows(body)).toEqual(rows);
    const ours = body.replace("_Opened by gitops-promote._", "");
    expect(ours).not.toMatch(/<(?!\/?code>)/); // no tag but ours
    expect(ours).not.toMatch(/(?<![A-Za-z0-9])@\w|(?<!&)#\d/); // no mention, no reference
    expect(ours).not.toMatch(/[`*_~[\]()!$\\]|:\/|&(?!#\d+;)/); // no code, emphasis, link, escape, math or URL
    // An image's digest keeps its `@`, after which no mention starts.
    expect(pullRequestBody("", [{ ...rows[0]!, image: formatImageRef(PINNED) }], [])).toContain(`<code>${PINNED.name}:2.0.1@${PINNED.digest}</code>`);
    const table = body.split("\n").filter((line) => line.startsWith("| "));
    expect(table).toHaveLength(2 + hostile.length);
    // Every row has its six cells: no `|` of a cell's own.
    for (const line of table) expect(line.split("|")).toHaveLength(8);
    // The others line names each file in one cell of its own too.
    expect(body).toContain("commits: <code>apps/x&#96;&#32;&#64;alice&#32;&#60;img&#32;src=x.png&#62;&#32;&#35;1&#32;&#96;&#124;.yaml</code>, <code>");
  });

  it("show a template's text as written, in a fence no line of it closes: no HTML, comment, mention or row of its own", () => {
    const rows: ChangeRow[] = [{ file: "apps/prod/app.yaml", line: 10, key: "image", old: "x:1", new: "x:2", image: "x:2" }];
    // File names and payload values as a template fills them in: anyone's who may push or dispatch.
    const intro = [
      "- apps/staging/@acme/admins <b>hi</b> <!-- x.yaml",
      "Source: refs/heads/<img/src=//evil.test/r.png>@acme/security",
      "```` closing? ````",
      "| File | Field | Old | New | Image |",
      "| <code>apps/prod/app.yaml:10</code> | <code>image</code> | <code>x:1</code> | <code>evil:1</code> |  |",
    ].join("\n");
    const body = pullRequestBody(intro, rows, []);
    const fence = "`````";
    expect(body.startsWith(`${fence}\n${intro}\n${fence}\n\n| File | Field |`)).toBe(true);
    // The table's rows are the table's: a line of the template that looks like one is not read back.
    expect(bodyRows(body)).toEqual(rows);
    expect(pullRequestBody("no backticks", rows, []).split("\n").slice(0, 3)).toEqual(["```", "no backticks", "```"]);
  });

  it("print no empty table when there are no rows: the branch's files say what it changes", () => {
    const commit = "a".repeat(40);
    expect(pullRequestBody("", [], ["apps/app.yaml"], undefined, commit)).toBe(
      `On this branch, from its earlier commits: <code>apps/app.yaml</code>.\n\n_Opened by gitops-promote._\n<!-- gitops-promote: describes ${commit} -->\n`,
    );
    expect(describedCommit(pullRequestBody("", [], ["apps/app.yaml"], undefined, commit))).toBe(commit);
  });

  it("accumulate: this run's row replaces the same file and field, files no longer changed go", () => {
    const row = (file: string, key: string, new_: string): ChangeRow => ({ file, line: 1, key, old: "0", new: new_, image: undefined });
    const earlier = [row("b.yaml", "tag", "1"), row("a.yaml", "tag", "1"), row("a.yaml", "tag", "0.9"), row("gone.yaml", "tag", "1")];
    expect(cumulativeRows(earlier, [row("b.yaml", "tag", "2")], new Set(["a.yaml", "b.yaml"]))).toEqual([row("a.yaml", "tag", "1"), row("b.yaml", "tag", "2")]);
  });

  it("title one image at two versions (a release in one target, a release candidate in another) after both", () => {
    const [release, candidate] = [parseImageRef("ghcr.io/acme/svc-a:1.10.0"), parseImageRef("ghcr.io/acme/svc-a:1.11.0-rc.1")];
    const rows = [
      changeRow({ ...change("apps/production/svc-a/kustomization.yaml", "images[0].newTag", "1.0.0", "1.10.0"), target: "fleet" }, [release]),
      changeRow({ ...change("apps/staging/svc-a/kustomization.yaml", "images[0].newTag", "1.0.0", "1.11.0-rc.1"), target: "fleet" }, [candidate]),
    ];
    // The latest run's subject names only its own version.
    const subject = "chore(deploy): ghcr.io/acme/svc-a 1.0.0 -> 1.10.0";
    expect(pullRequestTitle(rows, subject, undefined)).toBe("chore(deploy): ghcr.io/acme/svc-a 1.10.0 and 1.11.0-rc.1");
    expect(pullRequestTitle(rows, subject, "fleet")).toBe("chore(deploy): fleet: ghcr.io/acme/svc-a 1.10.0 and 1.11.0-rc.1");
    expect(pullRequestTitle(bodyRows(pullRequestBody("", rows, [])), subject, undefined)).toBe("chore(deploy): ghcr.io/acme/svc-a 1.10.0 and 1.11.0-rc.1");
  });

  it("title one image at one version from what its fields held, digests shortened on both sides, a tag and a digest field as one version", () => {
    const [d1, d4] = ["sha256:" + "1".repeat(64), "sha256:" + "4".repeat(64)];
    const image = parseImageRef(`ghcr.io/acme/svc-d:1.2.5@${d4}`);
    const rows = [
      changeRow(change("apps/staging/svc-d/values.yaml", "flux-system:svc-d:tag", "1.2.0", "1.2.5"), [image]),
      changeRow(change("apps/staging/svc-d/values.yaml", "flux-system:svc-d:digest", d1, d4), [image]),
    ];
    const title = "chore(deploy): ghcr.io/acme/svc-d 1.2.0@sha256:111111111111 -> 1.2.5@sha256:444444444444";
    const subject = title; // the commit's, worded alike (see below)
    expect(pullRequestTitle(rows, subject, undefined)).toBe(title);
    expect(pullRequestTitle(bodyRows(pullRequestBody("", rows, [])), subject, undefined)).toBe(title);
    // Files apart hold versions apart; a whole reference's digest is shortened too.
    const pinned = changeRow(change("apps/production/svc-d.yaml", "image", `ghcr.io/acme/svc-d:1.1.0@${d1}`, formatImageRef(image)), [image]);
    expect(pullRequestTitle([...rows, pinned], subject, undefined)).toBe(
      "chore(deploy): ghcr.io/acme/svc-d 1.1.0@sha256:111111111111, 1.2.0@sha256:111111111111 -> 1.2.5@sha256:444444444444",
    );
    // A digest field alone tells the digest it held.
    expect(pullRequestTitle(rows.slice(1), subject, undefined)).toBe("chore(deploy): ghcr.io/acme/svc-d sha256:111111111111 -> 1.2.5@sha256:444444444444");
    // A template's subject is the user's.
    expect(pullRequestTitle(rows, "Promote svc-d", undefined)).toBe("Promote svc-d");
  });

  it("a title too long to name every image names those that fit and counts the others", () => {
    const image = (name: string, version: string) => {
      const ref = parseImageRef(`ghcr.io/acme/${name}:${version}`);
      return changeRow(change(`${name}.yaml`, "image", "x", formatImageRef(ref)), [ref]);
    };
    const rows = Array.from({ length: 8 }, (_, i) => image(`application-${i}`, `2.0.${i}`));
    const title = imagesTitle(rows)!;
    expect(title).toBe("chore(deploy): ghcr.io/acme/application-0 2.0.0, ghcr.io/acme/application-1 2.0.1, ghcr.io/acme/application-2 2.0.2 and 5 more images");
    expect(title.length - "chore(deploy): ".length).toBeLessThanOrEqual(120);
    expect(imagesTitle([...rows.slice(0, 3), image("api", "1.0.0")])).toBe(
      "chore(deploy): ghcr.io/acme/api 1.0.0, ghcr.io/acme/application-0 2.0.0, ghcr.io/acme/application-1 2.0.1 and 1 more image",
    );
    // Not even one image fits: the count alone.
    const long = (i: number) => image(`${"a".repeat(110)}-${i}`, "1.0.0");
    expect(imagesTitle([long(1), long(2)])).toBe("chore(deploy): 2 images");
    const longAt = (version: string) => image("a".repeat(110), version);
    expect(imagesTitle([longAt("1.0.0"), longAt("1.1.0")])).toBe("chore(deploy): 1 image");
  });

  describe("name the target only when every row was changed for it", () => {
    const APP_1_3 = parseImageRef("ghcr.io/acme/app:1.3.0");
    const forTarget = (target: string | undefined, file: string) =>
      changeRow({ ...change(file, "image", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.3.0"), ...(target && { target }) }, [APP_1_3]);
    const subject = "chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.3.0";

    it("a branch that also carries another target's rows, or a file in no target, is titled after its images alone", () => {
      const [staging, prod] = [forTarget("staging", "staging/app.yaml"), forTarget("prod", "prod/app.yaml")];
      expect(pullRequestTitle([prod], subject, "prod")).toBe("chore(deploy): prod: ghcr.io/acme/app 1.2.3 -> 1.3.0");
      expect(pullRequestTitle([prod, staging], subject, "prod")).toBe(subject);
      expect(pullRequestTitle([prod, forTarget(undefined, "app.yaml")], subject, "prod")).toBe(subject);
      // With no rows the branch's own files say what it carries; the target is the group's.
      expect(pullRequestTitle([], "chore(deploy): gitops-promote/prod carries prod/app.yaml", "prod")).toBe(
        "chore(deploy): prod: gitops-promote/prod carries prod/app.yaml",
      );
    });

    it("the table has a Target column when a row has a target, read back with it; a file in no target's cell is empty", () => {
      const rows = [forTarget(undefined, "app.yaml"), forTarget("prod", "prod/app.yaml"), forTarget("staging", "staging/app.yaml")];
      const body = pullRequestBody("", rows, []);
      expect(body.split("\n").slice(0, 5)).toEqual([
        "| Target | File | Field | Old | New | Image |",
        "| --- | --- | --- | --- | --- | --- |",
        "|  | <code>app.yaml:3</code> | <code>image</code> | <code>ghcr.io/acme/app:1.2.3</code> | <code>ghcr.io/acme/app:1.3.0</code> | <code>ghcr.io/acme/app</code> |",
        "| prod | <code>prod/app.yaml:3</code> | <code>image</code> | <code>ghcr.io/acme/app:1.2.3</code> | <code>ghcr.io/acme/app:1.3.0</code> | <code>ghcr.io/acme/app</code> |",
        "| staging | <code>staging/app.yaml:3</code> | <code>image</code> | <code>ghcr.io/acme/app:1.2.3</code> | <code>ghcr.io/acme/app:1.3.0</code> | <code>ghcr.io/acme/app</code> |",
      ]);
      expect(bodyRows(body)).toEqual(rows);
      expect(rows[0]).not.toHaveProperty("target");
      expect(bodyRows(body)[0]).not.toHaveProperty("target");
    });
  });

  describe("word a run's change as its commit subject does", () => {
    const [d1, d4] = ["sha256:" + "1".repeat(64), "sha256:" + "4".repeat(64)];
    const SVC_D = parseImageRef(`ghcr.io/acme/svc-d:1.2.5@${d4}`);
    /** The commit's subject and the pull request's title, from the one run's changes. */
    const worded = (changes: Change[], images: ImageRef[]) => {
      const subject = defaultCommitMessage({ changes, images, automation: { namespace: "acme", name: "fleet" } }).split("\n")[0]!;
      return {
        subject,
        title: pullRequestTitle(
          bodyRows(
            pullRequestBody(
              "",
              changes.map((c) => changeRow(c, images)),
              [],
            ),
          ),
          subject,
          undefined,
        ),
      };
    };

    it("a file's tag field and digest field, as the one version they held", () => {
      const { subject, title } = worded([change("values.yaml", "image.tag", "1.2.0", "1.2.5"), change("values.yaml", "image.digest", d1, d4)], [SVC_D]);
      expect(subject).toBe("chore(deploy): ghcr.io/acme/svc-d 1.2.0@sha256:111111111111 -> 1.2.5@sha256:444444444444");
      expect(title).toBe(subject);
    });

    it("a digest field alone, as the short digest it held", () => {
      const { subject, title } = worded([change("values.yaml", "image.digest", d1, d4)], [SVC_D]);
      expect(subject).toBe("chore(deploy): ghcr.io/acme/svc-d sha256:111111111111 -> 1.2.5@sha256:444444444444");
      expect(title).toBe(subject);
    });

    it("two versions of one image: the old ones each, files apart; the new ones each, named by the title without the old", () => {
      const olds = worded(
        [
          change("staging/values.yaml", "image.tag", "1.2.0", "1.2.5"),
          change("staging/values.yaml", "image.digest", d1, d4),
          change("production/svc-d.yaml", "image", `ghcr.io/acme/svc-d:1.1.0@${d1}`, formatImageRef(SVC_D)),
        ],
        [SVC_D],
      );
      expect(olds.subject).toBe("chore(deploy): ghcr.io/acme/svc-d 1.1.0@sha256:111111111111, 1.2.0@sha256:111111111111 -> 1.2.5@sha256:444444444444");
      expect(olds.title).toBe(olds.subject);
      const [release, candidate] = [parseImageRef("ghcr.io/acme/svc-a:1.10.0"), parseImageRef(`ghcr.io/acme/svc-a:1.11.0-rc.1@${d4}`)];
      const news = worded(
        [change("production/kustomization.yaml", "images[0].newTag", "1.0.0", "1.10.0"), change("staging/values.yaml", "image.tag", "1.0.0", "1.11.0-rc.1")],
        [release, candidate],
      );
      // A tag field with no digest field takes the tag alone: the subject and the title say what was written.
      expect(news.subject).toBe("chore(deploy): ghcr.io/acme/svc-a 1.0.0 -> 1.10.0, ghcr.io/acme/svc-a 1.0.0 -> 1.11.0-rc.1");
      expect(news.title).toBe("chore(deploy): ghcr.io/acme/svc-a 1.10.0 and 1.11.0-rc.1");
    });

    it("several images, each at the version the subject gives it", () => {
      const { subject, title } = worded(
        [
          change("api/values.yaml", "image.tag", "2.0.0", "2.0.1"),
          change("api/values.yaml", "image.digest", d1, PINNED.digest!),
          change("app.yaml", "image", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.2.4"),
        ],
        [APP, PINNED],
      );
      expect(subject).toBe("chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4, ghcr.io/acme/api 2.0.0@sha256:111111111111 -> 2.0.1@sha256:0123456789ab");
      expect(title).toBe("chore(deploy): ghcr.io/acme/api 2.0.1@sha256:0123456789ab, ghcr.io/acme/app 1.2.4");
    });
  });
});
