/** A lone Helm tag parameter whose repository the source's values files in this tree give: Argo CD deploys that tag. */
import { describe, expect, it } from "vitest";
import { planUpdate, type Plan } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";

const plan = (files: Record<string, string>): Promise<Plan> =>
  planUpdate(memorySource(new Map(Object.entries(files))), { images: ["ghcr.io/acme/worker:1.4.3"], setters: [], sets: [], paths: [] });

const app = (source: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: worker}
spec:
${source}`;

const chartValues = "image:\n  repository: ghcr.io/acme/worker\n  tag: 1.4.0\n";

it("names an image.tag parameter of a path: source whose chart's values.yaml holds the repository, which moves without it", async () => {
  const result = await plan({
    "apps/worker.yaml": app("  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n"),
    "charts/worker/values.yaml": chartValues,
  });
  expect(result.changes.map((c) => c.file)).toEqual(["charts/worker/values.yaml"]);
  expect(result.warnings).toEqual([
    {
      file: "apps/worker.yaml",
      line: 9,
      message:
        "spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2), as Argo CD ranks parameters above values files, and was not moved: set it with an overrides: entry in the configuration (file: apps/worker.yaml, spec: spec.source.helm.parameters[0].value, image: ghcr.io/acme/worker, part: tag)",
    },
  ]);
});

it("reads a null registry beside the values' repository as none, as Helm drops the key, and names the tag parameter that overrides it", async () => {
  const result = await plan({
    "apps/worker.yaml": app("  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n"),
    "charts/worker/values.yaml": `image:\n  registry: ~\n${chartValues.slice("image:\n".length)}`,
  });
  expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
  expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
    [
      "apps/worker.yaml",
      9,
      "spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:3)",
    ],
  ]);
});

it("advises an overrides: entry that, copied into the configuration as it is, moves the parameter and ends the warning", async () => {
  const files = {
    "apps/worker.yaml": app("  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n"),
    "charts/worker/values.yaml": chartValues,
  };
  const [warning] = (await plan(files)).warnings;
  const entry = /in the configuration \((.*)\)$/.exec(warning!.message)![1]!;
  const copied = await plan({ ...files, ".github/gitops-promote.yaml": `overrides:\n  - ${entry.split(", ").join("\n    ")}\n` });
  expect(copied.changes.map((c) => [c.file, c.key, c.new])).toEqual([
    ["apps/worker.yaml", "spec.source.helm.parameters[0].value", "1.4.3"],
    ["charts/worker/values.yaml", "image.tag", "1.4.3"],
  ]);
  expect(copied.warnings).toEqual([]);
});

describe("a chart's values whose registry this run cannot read (a mapping or list, a template): the image they name is not known", () => {
  const source = app(
    "  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n",
  );
  // envs/prod.yaml's tag is deployed by prod/worker.yaml; under apps/worker.yaml's tag parameter it is not.
  const env = app("  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n");
  const tree = (registry: string) => ({
    "apps/worker.yaml": source,
    "prod/worker.yaml": env,
    "charts/worker/values.yaml": `image:\n  registry: ${registry}\n  repository: acme/worker\n  tag: 1.4.0\n`,
    "envs/prod.yaml": "image:\n  tag: 1.4.0\n",
  });

  it("says at a lone tag parameter and a later values file's lone tag, as at the values' own tag, that they are not edited, naming the registry field", async () => {
    for (const [registry, why] of [
      ["[ghcr.io]", "which is no string"],
      ["{host: ghcr.io}", "which is no string"],
      ["'{{ .Values.registry }}'", "which is filled in after this tool"],
    ])
      for (const image of ["docker.io/acme/worker", "ghcr.io/acme/worker"]) {
        const result = await planUpdate(memorySource(new Map(Object.entries(tree(registry!)))), {
          images: [`${image}:1.4.3`],
          setters: [],
          sets: [],
          paths: [],
        });
        const unknown = (key: string, field = "image.registry in charts/worker/values.yaml") =>
          `${field} (line 2) is ${registry}, ${why}: the registry acme/worker is pulled from is not known, so ${key} is not edited for ${image}; write the registry as a string, or set ${key} with a Flux ":tag" marker on its line or an override of ${key}`;
        expect(result.changes).toEqual([]);
        // Neither tag is named as the repository alone's, nor as the incoming image's: the image is not known.
        expect(result.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
          ["charts/worker/values.yaml", 4, unknown("image.tag", "image.registry")],
          ["apps/worker.yaml", 10, unknown("spec.source.helm.parameters[0].value")],
          ["envs/prod.yaml", 2, unknown("image.tag")],
        ]);
      }
  });

  it("says nothing of a lone tag at the incoming version, or of one an override sets", async () => {
    const files = tree("'{{ .Values.registry }}'");
    const atIncoming = await plan({ ...files, "envs/prod.yaml": "image:\n  tag: 1.4.3\n", "apps/worker.yaml": source.replace("'1.4.0'", "'1.4.3'") });
    expect(atIncoming.warnings.map((w) => w.file)).toEqual(["charts/worker/values.yaml"]);
    const override = (file: string, spec: string) => `  - file: ${file}\n    spec: ${spec}\n    image: ghcr.io/acme/worker\n    part: tag\n`;
    const configured = `overrides:\n${override("apps/worker.yaml", "spec.source.helm.parameters[0].value")}${override("envs/prod.yaml", "image.tag")}`;
    const overridden = await plan({ ...files, ".github/gitops-promote.yaml": configured });
    expect(overridden.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["apps/worker.yaml", "spec.source.helm.parameters[0].value", "1.4.3"],
      ["envs/prod.yaml", "image.tag", "1.4.3"],
    ]);
    expect(overridden.warnings.map((w) => w.file)).toEqual(["charts/worker/values.yaml"]);
  });
});

it("reads a values registry that is an alias of a string anchored in the file as that string, and names the tag parameter and later values file's tag over it", async () => {
  const files = {
    "apps/worker.yaml": app(
      "  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n",
    ),
    // envs/prod.yaml's tag is deployed by this one; under apps/worker.yaml's tag parameter it is not.
    "prod/worker.yaml": app("  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n"),
    "charts/worker/values.yaml": "global: {registry: &reg ghcr.io}\nimage:\n  registry: *reg\n  repository: acme/worker\n  tag: 1.4.0\n",
    "envs/prod.yaml": "image:\n  tag: 1.4.0\n",
  };
  const result = await plan(files);
  expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
  expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
    [
      "apps/worker.yaml",
      10,
      "spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:4)",
    ],
    ["envs/prod.yaml", 2, "image.tag overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:4)"],
  ]);
});

describe("an image whose values write name: (Argo CD Image Updater's spelling), read as one writing repository:", () => {
  const named = "image:\n  name: ghcr.io/acme/worker\n  tag: 1.4.0\n";
  const tagged = (valuesObject: string) =>
    app(`  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n${valuesObject}`);

  it("names the lone tag parameter that overrides the tag the values file moves", async () => {
    const result = await plan({ "apps/worker.yaml": tagged(""), "charts/worker/values.yaml": named });
    expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
    expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
      [
        "apps/worker.yaml",
        9,
        "spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2)",
      ],
    ]);
  });

  it("names a lone tag in a values file listed after it", async () => {
    const source = app("  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n");
    const result = await plan({ "apps/worker.yaml": source, "charts/worker/values.yaml": named, "envs/prod.yaml": "image:\n  tag: 1.4.0\n" });
    expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
      ["envs/prod.yaml", 2, "image.tag overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2)"],
    ]);
  });

  it("says nothing of a tag parameter the valuesObject pairs with another image's name:, as the editor pairs it", async () => {
    const result = await plan({
      "apps/worker.yaml": tagged("      valuesObject:\n        image: {name: ghcr.io/acme/other}\n"),
      "charts/worker/values.yaml": named,
    });
    expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
    expect(result.warnings).toEqual([]);
  });
});

it("reads a $ref values file of a multi-source Application from this tree", async () => {
  const sources = `  sources:
    - repoURL: https://charts.acme.dev
      chart: worker
      helm:
        valueFiles: [$values/values/staging.yaml]
        parameters: [{name: image.tag, value: "1.5.0-rc.1"}]
    - {repoURL: https://github.com/acme/manifests, ref: values}
`;
  const result = await plan({ "apps/worker.yaml": app(sources), "values/staging.yaml": chartValues });
  expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
    ["apps/worker.yaml", 10, "spec.sources[0].helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (values/staging.yaml:2)"],
  ]);
});

it("says nothing of a tag beside its repository parameter, one at the incoming tag, one an override sets, a chart of another image, or a tag its policy keeps", async () => {
  const tagged = (value: string) => app(`  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: image.tag, value: '${value}'}\n`);
  const paired = app(
    "  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: image.repository, value: ghcr.io/acme/worker}\n        - {name: image.tag, value: '1.4.0'}\n",
  );
  const policy = 'targets:\n  - name: prod\n    paths: ["**"]\n    images: [{repository: ghcr.io/acme/worker, policy: {semver: {range: ">=1.0.0-0"}}}]\n';
  const override = "overrides:\n  - file: apps/worker.yaml\n    spec: spec.source.helm.parameters[0].value\n    image: ghcr.io/acme/worker\n    part: tag\n";
  const cases: Record<string, string>[] = [
    { "apps/worker.yaml": paired, "charts/worker/values.yaml": chartValues },
    { "apps/worker.yaml": tagged("1.4.3"), "charts/worker/values.yaml": chartValues },
    { "apps/worker.yaml": tagged("1.4.0"), "charts/worker/values.yaml": chartValues, ".github/gitops-promote.yaml": override },
    { "apps/worker.yaml": tagged("1.4.0"), "charts/worker/values.yaml": chartValues.replace("worker", "other") },
    // Its target's policy keeps a newer release candidate.
    { "apps/worker.yaml": tagged("1.5.0-rc.1"), "charts/worker/values.yaml": chartValues, ".github/gitops-promote.yaml": policy },
  ];
  for (const files of cases) expect((await plan(files)).warnings.filter((w) => w.message.includes("ranks parameters above"))).toEqual([]);
});

it("says nothing of a tag parameter the valuesObject pairs with another repository, written there or merged in: it is not the values files' image", async () => {
  const source = (image: string) =>
    app(
      `  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n      valuesObject:\n        defaults: &d {repository: ghcr.io/acme/other}\n        image: ${image}\n`,
    );
  for (const image of ["{repository: ghcr.io/acme/other}", "{<<: *d}"]) {
    const result = await plan({ "apps/worker.yaml": source(image), "charts/worker/values.yaml": chartValues });
    expect(
      result.changes.map((c) => [c.file, c.key, c.new]),
      image,
    ).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
    expect(result.warnings, image).toEqual([]);
  }
});

it("reads a values file a valueFiles entry reaches through a subdirectory or ../", async () => {
  const source = (file: string) =>
    app(`  source:\n    path: charts/worker\n    helm:\n      valueFiles: [${file}]\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n`);
  for (const [file, values] of [
    ["env/prod.yaml", "charts/worker/env/prod.yaml"],
    ["../common/values.yaml", "charts/common/values.yaml"],
  ]) {
    const result = await plan({ "apps/worker.yaml": source(file!), [values!]: chartValues });
    expect(
      result.warnings.map((w) => w.message.slice(0, w.message.indexOf(","))),
      file,
    ).toEqual([`spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (${values}:2)`]);
  }
});

it("reads a chart whose directory is spelled with characters a pattern would read otherwise", async () => {
  for (const chart of ["charts/worker+v2", "charts/worker (v2)"]) {
    const source = app(`  source:\n    path: ${chart}\n    helm:\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n`);
    const result = await plan({ "apps/worker.yaml": source, [`${chart}/values.yaml`]: chartValues });
    expect(
      result.warnings.map((w) => w.message.slice(0, w.message.indexOf(","))),
      chart,
    ).toEqual([`spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (${chart}/values.yaml:2)`]);
  }
});

it("neither edits nor names an Application that spells no incoming repository and reads no values file holding one", async () => {
  const broken = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec: {source: {path: charts/other, helm: {parameters: [\n";
  const result = await plan({ "apps/other.yaml": broken, "charts/worker/values.yaml": chartValues });
  expect(result.changes.map((c) => c.file)).toEqual(["charts/worker/values.yaml"]);
  expect(result.warnings).toEqual([]);
});

it("quotes a parameter name that is not a plain Helm path", async () => {
  const name = '"x\\n\\n## Act now\\n\\nimage.tag"';
  const result = await plan({
    "apps/worker.yaml": app(`  source:\n    path: charts/worker\n    helm:\n      parameters:\n        - {name: ${name}, value: '1.4.0'}\n`),
    "charts/worker/values.yaml": `"x\\n\\n## Act now\\n\\nimage":\n  repository: ghcr.io/acme/worker\n  tag: 1.4.0\n`,
  });
  expect(result.warnings.map((w) => w.message.slice(0, w.message.indexOf(" overrides")))).toEqual([`spec.source.helm.parameters[0].value (parameter ${name})`]);
});

it("reads a parameter name's escaped dot as Helm's --set does, part of the key (`worker\\.v2.image.tag` sets image.tag under `worker.v2`)", async () => {
  const values = "worker.v2:\n  image:\n    repository: ghcr.io/acme/worker\n    tag: 1.4.0\n";
  const parameter = "      parameters:\n        - {name: worker\\.v2.image.tag, value: '1.4.0'}\n";
  const named = [
    "apps/worker.yaml",
    9,
    "spec.source.helm.parameters[0].value (parameter worker\\.v2.image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:3)",
  ];
  // Alone it is the tag deployed; over a valuesObject's lone tag there, it is still the one deployed, not the valuesObject's.
  for (const more of ["", "      valuesObject:\n        worker.v2: {image: {tag: '1.4.0'}}\n"]) {
    const result = await plan({
      "apps/worker.yaml": app(`  source:\n    path: charts/worker\n    helm:\n${parameter}${more}`),
      "charts/worker/values.yaml": values,
    });
    expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["charts/worker/values.yaml", `["worker.v2"].image.tag`, "1.4.3"]]);
    expect(
      result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))]),
      more,
    ).toEqual([named]);
  }
});

describe("a parameter name's list index, read as Helm's --set (strvals) reads it: into the list the values give, item by item", () => {
  const source = (helm: string) => app(`  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n${helm}`);
  // Quoted: a plain scalar in a flow mapping cannot hold [ ].
  const parameter = (name: string) => `      parameters:\n        - {name: '${name}', value: '1.4.0'}\n`;
  const images = "images:\n  - repository: ghcr.io/acme/worker\n    tag: 1.4.0\n";
  const sidecars =
    "sidecars:\n  - {name: proxy, image: {repository: ghcr.io/acme/proxy, tag: 2.0.0}}\n  - name: worker\n    image: {repository: ghcr.io/acme/worker, tag: 1.4.0}\n";

  it.each([
    ["images[0].tag", images, "images[0].tag", 2],
    ["sidecars[1].image.tag", sidecars, "sidecars[1].image.tag", 4],
  ])(
    "names %s over the item of a values file's list holding the repository, as it names image.tag: Helm sets the tag of that item, which is deployed",
    async (name, values, key, line) => {
      const result = await plan({ "apps/worker.yaml": source(parameter(name)), "charts/worker/values.yaml": "replicas: 1\n", "envs/prod.yaml": values });
      expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["envs/prod.yaml", key, "1.4.3"]]);
      expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
        ["apps/worker.yaml", 10, `spec.source.helm.parameters[0].value (parameter ${name}) overrides the tag of ghcr.io/acme/worker (envs/prod.yaml:${line})`],
      ]);
    },
  );

  it("moves images[0].tag that the valuesObject's list pairs with the repository, as it moves image.tag beside image: {repository}", async () => {
    const valuesObject = "      valuesObject:\n        images: [{repository: ghcr.io/acme/worker}]\n";
    const result = await plan({
      "apps/worker.yaml": source(`${parameter("images[0].tag")}${valuesObject}`),
      "charts/worker/values.yaml": images,
      "envs/prod.yaml": "replicas: 2\n",
    });
    expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["apps/worker.yaml", "spec.source.helm.parameters[0].value", "1.4.3"],
      ["charts/worker/values.yaml", "images[0].tag", "1.4.3"],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("says nothing of an index past the list's end, which Helm fills with a new item holding the tag alone", async () => {
    // strvals grows a list shorter than the index (nulls between) and sets a new mapping there: images[1] is {tag: 1.4.0}, no repository.
    const past = await plan({ "apps/worker.yaml": source(parameter("images[1].tag")), "charts/worker/values.yaml": "replicas: 1\n", "envs/prod.yaml": images });
    expect(past.changes.map((c) => [c.file, c.key, c.new])).toEqual([["envs/prod.yaml", "images[0].tag", "1.4.3"]]);
    expect(past.warnings).toEqual([]);
  });

  describe("over a list only the chart's values.yaml holds, which Helm replaces with the one --set makes of the parameters, the item's repository gone", () => {
    const files = (parameters: string, chart = images) => ({
      "apps/worker.yaml": source(parameters),
      "charts/worker/values.yaml": chart,
      "envs/prod.yaml": "replicas: 2\n",
    });

    it.each([
      ["images[0].tag", "a list item", images, "images", "images[0].repository=ghcr.io/acme/worker", 2],
      ["sidecars[1].image.tag", "an item's image", sidecars, "sidecars", "sidecars[1].image.repository=ghcr.io/acme/worker", 4],
      [
        "images[0].tag",
        "an item with a registry",
        "images:\n  - registry: ghcr.io\n    repository: acme/worker\n",
        "images",
        "images[0].registry=ghcr.io, images[0].repository=acme/worker",
        3,
      ],
    ])(
      "names %s over %s at its line: the chart's list is not deployed, so neither is its repository, given as parameters as the chart writes it",
      async (name, _item, chart, list, given, line) => {
        const result = await plan(files(parameter(name), chart));
        expect(result.warnings).toEqual([
          {
            file: "apps/worker.yaml",
            line: 10,
            message: `spec.source.helm.parameters[0].value (parameter ${name}) replaces the chart's ${list} list whole, as Helm's --set makes one of its own and merges no list into the chart's values.yaml: ghcr.io/acme/worker, the repository of the chart's item (charts/worker/values.yaml:${line}), is not deployed with the tag, and it was not moved; give the repository as a parameter too (${given}), and the run moves the tag with it`,
          },
        ]);
      },
    );

    it("moves the tag parameter once the repository is given beside it, as the warning advises", async () => {
      const both =
        "      parameters:\n        - {name: 'images[0].repository', value: ghcr.io/acme/worker}\n        - {name: 'images[0].tag', value: '1.4.0'}\n";
      const result = await plan(files(both));
      expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([
        ["apps/worker.yaml", "spec.source.helm.parameters[1].value", "1.4.3"],
        ["charts/worker/values.yaml", "images[0].tag", "1.4.3"],
      ]);
      expect(result.warnings).toEqual([]);
    });

    it("says nothing where the chart's item at that index holds another image than the run's", async () => {
      const other = "images:\n  - repository: ghcr.io/acme/other\n    tag: 1.4.0\n  - repository: ghcr.io/acme/worker\n    tag: 1.4.0\n";
      expect((await plan(files(parameter("images[0].tag"), other))).warnings).toEqual([]);
    });
  });
});

it("an override answers the lone tag it names, not the others of its file", async () => {
  const tagged = (chart: string) => app(`  source:\n    path: charts/${chart}\n    helm:\n      parameters:\n        - {name: image.tag, value: '1.4.0'}\n`);
  const override = "overrides:\n  - file: apps/worker.yaml\n    spec: spec.source.helm.parameters[0].value\n    image: ghcr.io/acme/other\n    part: tag\n";
  const result = await plan({
    "apps/worker.yaml": `${tagged("worker")}---\n${tagged("worker-eu")}`,
    "charts/worker/values.yaml": chartValues,
    "charts/worker-eu/values.yaml": chartValues,
    ".github/gitops-promote.yaml": override,
  });
  // Both documents name their field alike: the override's path is looked up in the first that has it.
  expect(result.warnings.filter((w) => w.message.includes("ranks parameters above"))).toEqual([]);
  const other = await plan({
    "apps/worker.yaml": `${tagged("worker")}---\n${tagged("worker-eu")}`.replace(
      "parameters:\n        - {name: image.tag",
      "parameters:\n        - {name: replicas, value: '2'}\n        - {name: image.tag",
    ),
    "charts/worker/values.yaml": chartValues,
    "charts/worker-eu/values.yaml": chartValues,
    ".github/gitops-promote.yaml": override,
  });
  // The first document's tag is parameters[1] there, which the override does not name.
  expect(other.warnings.filter((w) => w.message.includes("ranks parameters above")).map((w) => w.line)).toEqual([10]);
});

describe("a lone tag in a values file the source lists after the one holding the repository", () => {
  const source = (files: string) => app(`  source:\n    path: charts/worker\n    helm:\n      valueFiles: [${files}]\n`);
  const prod = "replicas: 3\nimage:\n  tag: 1.4.0 # prod pins its own build\n";

  it("is named at its line, as Helm deploys it while the chart's values.yaml moves, read though it spells no repository", async () => {
    const result = await plan({ "apps/worker.yaml": source("../../envs/prod.yaml"), "charts/worker/values.yaml": chartValues, "envs/prod.yaml": prod });
    expect(result.changes.map((c) => [c.file, c.new])).toEqual([["charts/worker/values.yaml", "1.4.3"]]);
    expect(result.warnings).toEqual([
      {
        file: "envs/prod.yaml",
        line: 3,
        message:
          "image.tag overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2), as Helm ranks a values file listed later above it, and was not moved: set it with an overrides: entry in the configuration (file: envs/prod.yaml, spec: image.tag, image: ghcr.io/acme/worker, part: tag)",
      },
    ]);
  });

  it("is named once however many Applications list it, and through a $ref source", async () => {
    const multi = `  sources:
    - repoURL: https://charts.acme.dev
      chart: worker
      helm:
        valueFiles: [$values/values/base.yaml, $values/envs/prod.yaml]
    - {repoURL: https://github.com/acme/manifests, ref: values}
`;
    const result = await plan({
      "apps/a.yaml": app(multi),
      "apps/b.yaml": app(multi),
      "values/base.yaml": chartValues,
      "envs/prod.yaml": prod,
    });
    expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
      ["envs/prod.yaml", 3, "image.tag overrides the tag of ghcr.io/acme/worker (values/base.yaml:2)"],
    ]);
  });

  it("says nothing of a tag beside its repository, one listed before the repository's file, at the incoming tag, set by an override or moved by its marker", async () => {
    const marked = 'image:\n  tag: 1.4.0 # {"$imagepolicy": "flux-system:worker:tag"}\n';
    const setter = 'setters:\n  "flux-system:worker": { image: ghcr.io/acme/worker }\n';
    const override = "overrides:\n  - file: envs/prod.yaml\n    spec: image.tag\n    image: ghcr.io/acme/worker\n    part: tag\n";
    const cases: Record<string, string>[] = [
      { "apps/worker.yaml": source("../../envs/prod.yaml"), "charts/worker/values.yaml": chartValues, "envs/prod.yaml": chartValues },
      {
        "apps/worker.yaml": app(
          "  source:\n    repoURL: https://charts.acme.dev\n    chart: worker\n    helm:\n      valueFiles: [$v/envs/prod.yaml, $v/base.yaml]\n  sources: [{ref: v}]\n",
        ),
        "base.yaml": chartValues,
        "envs/prod.yaml": prod,
      },
      { "apps/worker.yaml": source("../../envs/prod.yaml"), "charts/worker/values.yaml": chartValues, "envs/prod.yaml": prod.replace("1.4.0", "1.4.3") },
      {
        "apps/worker.yaml": source("../../envs/prod.yaml"),
        "charts/worker/values.yaml": chartValues,
        "envs/prod.yaml": prod,
        ".github/gitops-promote.yaml": override,
      },
      {
        "apps/worker.yaml": source("../../envs/prod.yaml"),
        "charts/worker/values.yaml": chartValues,
        "envs/prod.yaml": marked,
        ".github/gitops-promote.yaml": setter,
      },
    ];
    for (const files of cases)
      expect(
        (await plan(files)).warnings.filter((w) => w.message.includes("listed later")),
        JSON.stringify(files),
      ).toEqual([]);
  });
  it("is not named under a layer ranked above it writing no mapping at image (null, a reference), as Argo CD deploys no such tag", async () => {
    const helm = (more: string, files = "../../envs/prod.yaml") => app(`  source:\n    path: charts/worker\n    helm:\n      valueFiles: [${files}]\n${more}`);
    const later = "../../envs/prod.yaml, ../../envs/reset.yaml";
    const cases: [string, Record<string, string>][] = [
      ["valuesObject image: null", { "apps/worker.yaml": helm("      valuesObject: {image: null}\n") }],
      ["values string image: null", { "apps/worker.yaml": helm("      values: |\n        image: null\n") }],
      ["later values file image: null", { "apps/worker.yaml": helm("", later), "envs/reset.yaml": "image: null\n" }],
      ["later values file image: a reference", { "apps/worker.yaml": helm("", later), "envs/reset.yaml": "image: ghcr.io/acme/other:2.0.0\n" }],
      ["parameter image=null", { "apps/worker.yaml": helm("      parameters:\n        - {name: image, value: 'null'}\n") }],
    ];
    for (const [name, files] of cases) {
      // Helm merges the user values in order and deletes a key a null is left at: prod's {tag} is not in what is deployed.
      const result = await plan({ ...files, "charts/worker/values.yaml": chartValues, "envs/prod.yaml": prod });
      expect(
        result.warnings.filter((w) => w.file === "envs/prod.yaml"),
        name,
      ).toEqual([]);
    }
    // A layer above writing a mapping there keeps the tag, which is named.
    const kept = await plan({
      "apps/worker.yaml": helm("      valuesObject: {image: {pullPolicy: Always}}\n"),
      "charts/worker/values.yaml": chartValues,
      "envs/prod.yaml": prod,
    });
    expect(kept.warnings.map((w) => [w.file, w.line])).toEqual([["envs/prod.yaml", 3]]);
  });
});

describe("a lone tag in the source's valuesObject, which Argo CD ranks above every values file", () => {
  const source = (image: string, more = "") =>
    app(`  source:\n    path: charts/worker\n    helm:\n${more}      valuesObject:\n        replicas: 3\n        image: ${image}\n`);

  it("is named at its line as a later values file's lone tag is, with the override that sets it, which moves it and ends the warning", async () => {
    const files = { "apps/worker.yaml": source("{tag: '1.4.0'}"), "charts/worker/values.yaml": chartValues };
    const result = await plan(files);
    expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
    expect(result.warnings).toEqual([
      {
        file: "apps/worker.yaml",
        line: 10,
        message:
          "spec.source.helm.valuesObject.image.tag overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2), as Argo CD ranks valuesObject above values files, and was not moved: set it with an overrides: entry in the configuration (file: apps/worker.yaml, spec: spec.source.helm.valuesObject.image.tag, image: ghcr.io/acme/worker, part: tag)",
      },
    ]);
    const entry = /in the configuration \((.*)\)$/.exec(result.warnings[0]!.message)![1]!;
    const copied = await plan({ ...files, ".github/gitops-promote.yaml": `overrides:\n  - ${entry.split(", ").join("\n    ")}\n` });
    expect(copied.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["apps/worker.yaml", "spec.source.helm.valuesObject.image.tag", "1.4.3"],
      ["charts/worker/values.yaml", "image.tag", "1.4.3"],
    ]);
    expect(copied.warnings).toEqual([]);
  });

  it("is read over every values file the source lists, the repository's in the last of them", async () => {
    const result = await plan({
      "apps/worker.yaml": source("{tag: '1.4.0'}", "      valueFiles: [../../envs/prod.yaml]\n"),
      "charts/worker/values.yaml": "replicas: 1\n",
      "envs/prod.yaml": chartValues,
    });
    expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))])).toEqual([
      ["apps/worker.yaml", 11, "spec.source.helm.valuesObject.image.tag overrides the tag of ghcr.io/acme/worker (envs/prod.yaml:2)"],
    ]);
  });

  it("says at it, over values whose registry this run cannot read, that it is not edited, naming the registry field", async () => {
    const result = await plan({
      "apps/worker.yaml": source("{tag: '1.4.0'}"),
      "charts/worker/values.yaml": "image:\n  registry: '{{ .Values.registry }}'\n  repository: acme/worker\n  tag: 1.4.0\n",
    });
    const key = "spec.source.helm.valuesObject.image.tag";
    expect(result.changes).toEqual([]);
    expect(result.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      ["charts/worker/values.yaml", 4, expect.stringContaining("so image.tag is not edited for ghcr.io/acme/worker")],
      [
        "apps/worker.yaml",
        10,
        `image.registry in charts/worker/values.yaml (line 2) is '{{ .Values.registry }}', which is filled in after this tool: the registry acme/worker is pulled from is not known, so ${key} is not edited for ghcr.io/acme/worker; write the registry as a string, or set ${key} with a Flux ":tag" marker on its line or an override of ${key}`,
      ],
    ]);
  });

  it("reads a repository its mapping merges (`<<: *d`, flow or block, anchored anywhere in the document) as beside the tag: no lone tag", async () => {
    const merged = (valuesObject: string, top = "") =>
      top + app(`  source:\n    path: charts/worker\n    helm:\n      valuesObject:\n${valuesObject.replace(/^/gm, "        ")}`);
    const cases = [
      merged("defaults: &d {repository: ghcr.io/acme/other}\nimage: {<<: *d, tag: '1.4.0'}\n"),
      merged("defaults: &d\n  repository: ghcr.io/acme/other\nimage:\n  <<: *d\n  tag: '1.4.0'\n"),
      merged("image: {<<: *d, tag: '1.4.0'}\n", "x-defaults: &d {repository: ghcr.io/acme/other}\n"),
    ];
    for (const application of cases) {
      const result = await plan({ "apps/worker.yaml": application, "charts/worker/values.yaml": chartValues });
      // The valuesObject's pair is another image, which Argo CD deploys with its own tag: nothing to say of that tag.
      expect(
        result.changes.map((c) => [c.file, c.key, c.new]),
        application,
      ).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
      expect(result.warnings, application).toEqual([]);
    }
  });

  it("is not named under a tag Argo CD ranks above it, which is deployed instead: only that one is named, or none when it moves", async () => {
    const parameter = "      parameters:\n        - {name: image.tag, value: '1.4.0'}\n";
    const paired = "      parameters:\n        - {name: image.repository, value: ghcr.io/acme/worker}\n        - {name: image.tag, value: '1.4.0'}\n";
    const prod = "      valueFiles: [../../envs/prod.yaml]\n";
    const cases: [string, Record<string, string>, (string | number)[][]][] = [
      [
        "a tag parameter",
        { "apps/worker.yaml": source("{tag: '1.4.0'}", parameter) },
        [
          [
            "apps/worker.yaml",
            9,
            "spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2)",
          ],
        ],
      ],
      // The parameters pair, and their tag moves: what Argo CD deploys is the new version.
      ["a tag parameter beside its repository", { "apps/worker.yaml": source("{tag: '1.4.0'}", paired) }, []],
      [
        "a values string's tag under a tag parameter",
        { "apps/worker.yaml": app(`  source:\n    path: charts/worker\n    helm:\n${parameter}      values: |\n        image: {tag: 1.4.0}\n`) },
        [
          [
            "apps/worker.yaml",
            9,
            "spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2)",
          ],
        ],
      ],
      [
        "a later values file's tag under the valuesObject's",
        { "apps/worker.yaml": source("{tag: '1.4.0'}", prod), "envs/prod.yaml": "image:\n  tag: 1.4.0\n" },
        [["apps/worker.yaml", 11, "spec.source.helm.valuesObject.image.tag overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2)"]],
      ],
    ];
    for (const [name, files, said] of cases) {
      const result = await plan({ ...files, "charts/worker/values.yaml": chartValues });
      expect(
        result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))]),
        name,
      ).toEqual(said);
    }
  });

  it("is not named under a tag parameter of the source path's .argocd-source-<app>.yaml, which Argo CD applies over the source: that one is named", async () => {
    // Argo CD Image Updater's write-back: Argo CD merges it over the source, its parameters replacing the Application's.
    const written = "helm:\n  parameters:\n    - name: image.tag\n      value: 1.4.0\n      forcestring: true\n";
    const cases: [string, Record<string, string>][] = [
      ["the app's file", { "charts/worker/.argocd-source-worker.yaml": written }],
      ["the path's file for every app", { "charts/worker/.argocd-source.yaml": written }],
      // Its list replaces the Application's own tag parameter, which is then not deployed either.
      [
        "over the Application's own tag parameter",
        {
          "apps/worker.yaml": source("{tag: '1.4.0'}", "      parameters:\n        - {name: image.tag, value: '1.4.0'}\n"),
          "charts/worker/.argocd-source-worker.yaml": written,
        },
      ],
    ];
    for (const [name, files] of cases) {
      const result = await plan({ "apps/worker.yaml": source("{tag: '1.4.0'}"), ...files, "charts/worker/values.yaml": chartValues });
      const file = Object.keys(files).find((path) => path.includes(".argocd-source"));
      expect(
        result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(","))]),
        name,
      ).toEqual([[file, 4, "helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (charts/worker/values.yaml:2)"]]);
    }
    // Another Application's override file is not this one's.
    const other = await plan({
      "apps/worker.yaml": source("{tag: '1.4.0'}"),
      "charts/worker/.argocd-source-other.yaml": written,
      "charts/worker/values.yaml": chartValues,
    });
    expect(other.warnings.map((w) => [w.file, w.line])).toEqual([["apps/worker.yaml", 10]]);
  });

  it("says nothing of a tag beside its repository, one at the incoming tag, one an override sets, or one over another chart's image", async () => {
    const override =
      "overrides:\n  - file: apps/worker.yaml\n    spec: spec.source.helm.valuesObject.image.tag\n    image: ghcr.io/acme/worker\n    part: tag\n";
    const cases: Record<string, string>[] = [
      { "apps/worker.yaml": source("{repository: ghcr.io/acme/other, tag: '1.4.0'}"), "charts/worker/values.yaml": chartValues },
      { "apps/worker.yaml": source("{tag: '1.4.3'}"), "charts/worker/values.yaml": chartValues },
      { "apps/worker.yaml": source("{tag: '1.4.0'}"), "charts/worker/values.yaml": chartValues, ".github/gitops-promote.yaml": override },
      { "apps/worker.yaml": source("{tag: '1.4.0'}"), "charts/worker/values.yaml": chartValues.replace("worker", "other") },
    ];
    for (const files of cases)
      expect(
        (await plan(files)).warnings.filter((w) => w.file === "apps/worker.yaml"),
        JSON.stringify(files),
      ).toEqual([]);
  });
});

describe("a lone tag in the source's values string, which Argo CD ranks above every values file but which is not edited", () => {
  const source = (values: string, more = "") =>
    app(`  source:\n    path: charts/worker\n    helm:\n${more}      values: |\n${values.replace(/^/gm, "        ")}`);

  it("is said at the string's line, naming the pair it sets the tag of and what to do instead", async () => {
    const result = await plan({ "apps/worker.yaml": source("replicas: 3\nimage:\n  tag: 1.4.0\n"), "charts/worker/values.yaml": chartValues });
    expect(result.changes.map((c) => [c.file, c.key, c.new])).toEqual([["charts/worker/values.yaml", "image.tag", "1.4.3"]]);
    expect(result.warnings).toEqual([
      {
        file: "apps/worker.yaml",
        line: 8,
        message:
          "spec.source.helm.values is a string, which is not edited: image.tag (over the tag of ghcr.io/acme/worker, charts/worker/values.yaml:2, as Argo CD ranks values above values files) in it keeps its old image; give those values in valuesObject or a values file instead, where they are edited (--set can only replace the whole string)",
      },
    ]);
  });

  it("is said for each lone tag the string holds, though all are said at its one line", async () => {
    const values = `${chartValues}side:\n  repository: ghcr.io/acme/side\n  tag: 2.0.0\n`;
    const files = { "apps/worker.yaml": source("image: {tag: 1.4.0}\nside: {tag: 2.0.0}\n"), "charts/worker/values.yaml": values };
    const result = await planUpdate(memorySource(new Map(Object.entries(files))), {
      images: ["ghcr.io/acme/worker:1.4.3", "ghcr.io/acme/side:2.0.1"],
      setters: [],
      sets: [],
      paths: [],
    });
    const said = result.warnings.filter((w) => w.file === "apps/worker.yaml");
    expect(said.map((w) => [w.line, /: (\w+)\.tag \(over the tag of ([^,]+),/.exec(w.message)?.slice(1)])).toEqual([
      [8, ["image", "ghcr.io/acme/worker"]],
      [8, ["side", "ghcr.io/acme/side"]],
    ]);
  });

  it("is said over values whose registry this run cannot read, naming that registry field", async () => {
    const result = await plan({
      "apps/worker.yaml": source("image: {tag: 1.4.0}\n"),
      "charts/worker/values.yaml": "image:\n  registry: '{{ .Values.registry }}'\n  repository: acme/worker\n  tag: 1.4.0\n",
    });
    expect(result.warnings.filter((w) => w.file === "apps/worker.yaml").map((w) => [w.line, w.message])).toEqual([
      [
        8,
        "spec.source.helm.values is a string, which is not edited: image.tag (over the tag of acme/worker, whose image.registry in charts/worker/values.yaml (line 2) is not known here, as Argo CD ranks values above values files) in it keeps its old image; give those values in valuesObject or a values file instead, where they are edited (--set can only replace the whole string)",
      ],
    ]);
  });

  it("holds the pair a tag parameter overrides, which is then said to rank above the string, not above values files", async () => {
    const result = await plan({
      "apps/worker.yaml": source(chartValues, "      parameters:\n        - {name: image.tag, value: '1.4.0'}\n"),
      "charts/worker/values.yaml": chartValues,
    });
    expect(
      result.warnings.filter((w) => w.message.includes("(parameter image.tag)")).map((w) => [w.line, w.message.slice(0, w.message.indexOf(", and"))]),
    ).toEqual([
      [
        9,
        "spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (apps/worker.yaml:10), as Argo CD ranks parameters above the values string",
      ],
    ]);
  });

  it("holds the pair a tag parameter overrides where no values file names its repository (the chart's values.yaml names none, or a remote chart)", async () => {
    const parameter = "      parameters:\n        - {name: image.tag, value: '1.4.0'}\n";
    const cases: [string, Record<string, string>, number][] = [
      ["a chart's values.yaml naming none", { "apps/worker.yaml": source(chartValues, parameter), "charts/worker/values.yaml": "replicas: 1\n" }, 9],
      [
        "a remote chart",
        { "apps/worker.yaml": source(chartValues, parameter).replace("path: charts/worker", "repoURL: https://charts.acme.dev\n    chart: worker") },
        10,
      ],
    ];
    for (const [name, files, line] of cases) {
      const result = await plan(files);
      // The string's tag is named as not edited; the parameter is what Argo CD deploys, and an override moves it.
      expect(
        result.warnings.filter((w) => w.message.includes("(parameter image.tag)")).map((w) => [w.line, w.message.slice(0, w.message.indexOf(", and"))]),
        name,
      ).toEqual([
        [
          line,
          `spec.source.helm.parameters[0].value (parameter image.tag) overrides the tag of ghcr.io/acme/worker (apps/worker.yaml:${line + 1}), as Argo CD ranks parameters above the values string`,
        ],
      ]);
    }
  });

  it("says nothing where a valuesObject is set, which Argo CD reads instead of the string, of a tag at the incoming version, or of one beside its repository", async () => {
    const cases: Record<string, string>[] = [
      { "apps/worker.yaml": source("image: {tag: 1.4.0}\n", "      valuesObject: {replicas: 3}\n"), "charts/worker/values.yaml": chartValues },
      { "apps/worker.yaml": source("image: {tag: 1.4.3}\n"), "charts/worker/values.yaml": chartValues },
      { "apps/worker.yaml": source("image: {repository: ghcr.io/acme/other, tag: 1.4.0}\n"), "charts/worker/values.yaml": chartValues },
    ];
    for (const files of cases)
      expect(
        (await plan(files)).warnings.filter((w) => w.file === "apps/worker.yaml"),
        JSON.stringify(files),
      ).toEqual([]);
  });
});

describe("the pair a lone tag sets the tag of, read as Helm merges the values ranked below it, key by key", () => {
  const helm = (more: string) => app(`  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n${more}`);
  const lone: [string, Record<string, string>][] = [
    ["valuesObject", { "apps/worker.yaml": helm("      valuesObject:\n        image: {tag: '1.4.0'}\n") }],
    ["values string", { "apps/worker.yaml": helm("      values: |\n        image: {tag: 1.4.0}\n") }],
    [
      "later values file",
      {
        "apps/worker.yaml": app("  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml, ../../envs/pin.yaml]\n"),
        "envs/pin.yaml": "image:\n  tag: 1.4.0\n",
      },
    ],
    ["tag parameter", { "apps/worker.yaml": helm("      parameters:\n        - {name: image.tag, value: '1.4.0'}\n") }],
  ];

  it("is another image's where a values file listed later changes the repository: nothing is said of the tag", async () => {
    for (const [name, files] of lone) {
      const result = await plan({ ...files, "charts/worker/values.yaml": chartValues, "envs/prod.yaml": "image:\n  repository: ghcr.io/acme/other\n" });
      // Argo CD deploys ghcr.io/acme/other with that tag; the chart's values.yaml pair is edited, which is the Helm editor's own reading.
      expect(
        result.warnings.filter((w) => w.file !== "charts/worker/values.yaml"),
        name,
      ).toEqual([]);
    }
  });

  it("is the incoming image where a values file listed later names its repository over another one's", async () => {
    for (const [name, files] of lone) {
      const result = await plan({
        ...files,
        "charts/worker/values.yaml": chartValues.replace("worker", "other"),
        "envs/prod.yaml": "image:\n  repository: ghcr.io/acme/worker\n",
      });
      expect(
        result.warnings.map((w) => /the tag of ([^\s,]+),? \(?envs\/prod\.yaml:2\b/.exec(w.message)?.[1]),
        name,
      ).toEqual(["ghcr.io/acme/worker"]);
    }
  });
  it("is the chart's values.yaml pair again where valueFiles lists values.yaml after a file changing the repository, as Helm merges it there too", async () => {
    for (const [name, files] of lone) {
      const app = files["apps/worker.yaml"]!.replace("../../envs/prod.yaml", "../../envs/prod.yaml, values.yaml");
      const result = await plan({
        ...files,
        "apps/worker.yaml": app,
        "charts/worker/values.yaml": chartValues,
        "envs/prod.yaml": "image:\n  repository: ghcr.io/acme/other\n",
      });
      // Listed with -f, values.yaml is merged over envs/prod.yaml, not only coalesced under everything as the chart's defaults.
      expect(
        result.warnings.map((w) => /the tag of ([^\s,]+),? \(?(charts\/worker\/values\.yaml:2)\b/.exec(w.message)?.slice(1)),
        name,
      ).toEqual([["ghcr.io/acme/worker", "charts/worker/values.yaml:2"]]);
    }
  });

  it("is none where a values file listed later writes no mapping at image (null, a reference), which replaces the earlier files' whole", async () => {
    for (const reset of ["image: null\n", "image: ghcr.io/acme/other:2.0.0\n"])
      for (const [name, files] of lone) {
        const app = files["apps/worker.yaml"]!.replace("../../envs/prod.yaml", "../../envs/prod.yaml, ../../envs/reset.yaml");
        const result = await plan({
          ...files,
          "apps/worker.yaml": app,
          "charts/worker/values.yaml": "replicas: 1\n",
          "envs/prod.yaml": chartValues,
          "envs/reset.yaml": reset,
        });
        // Helm merges the listed files in order: the tag's image is {tag} alone, no image of this run's.
        expect(
          result.warnings.filter((w) => w.file !== "envs/prod.yaml"),
          `${name} over ${reset}`,
        ).toEqual([]);
      }
  });

  it("is still the chart's values.yaml pair under such a file, which Helm coalesces under the merged values, the tag's mapping included", async () => {
    for (const [name, files] of lone) {
      const result = await plan({ ...files, "charts/worker/values.yaml": chartValues, "envs/prod.yaml": "image: null\n" });
      expect(
        result.warnings.map((w) => /the tag of ([^\s,]+),? \(?(charts\/worker\/values\.yaml:2)\b/.exec(w.message)?.slice(1)),
        name,
      ).toEqual([["ghcr.io/acme/worker", "charts/worker/values.yaml:2"]]);
    }
  });
});

describe("a lone tag in a values file whose repository a layer ranked above it gives (valuesObject, values string, a parameter)", () => {
  // A remote chart: no values file of this tree holds a repository at image, only the Application does.
  const remote = (helm: string) =>
    app(
      `  sources:\n    - repoURL: https://charts.acme.dev\n      chart: worker\n      helm:\n        valueFiles: [$v/envs/prod.yaml]\n${helm}    - {repoURL: https://github.com/acme/manifests, ref: v}\n`,
    );
  const prod = "replicas: 3\nimage:\n  tag: 1.4.0 # prod pins its own build\n";
  const above: [string, string, number][] = [
    ["valuesObject", "        valuesObject: {image: {repository: ghcr.io/acme/worker}}\n", 10],
    ["values string", "        values: |\n          image: {repository: ghcr.io/acme/worker}\n", 10],
    ["parameter", "        parameters:\n          - {name: image.repository, value: ghcr.io/acme/worker}\n", 11],
  ];

  it("is named at its line, naming the repository it is the tag of, with the override that sets it, which moves it and ends the warning", async () => {
    for (const [name, helm, line] of above) {
      const files = { "apps/worker.yaml": remote(helm), "envs/prod.yaml": prod };
      const result = await plan(files);
      // Argo CD deploys ghcr.io/acme/worker:1.4.0: Helm merges the repository above over prod's {tag}.
      expect(result.changes, name).toEqual([]);
      expect(result.warnings, name).toEqual([
        {
          file: "envs/prod.yaml",
          line: 3,
          message: `image.tag sets the tag of ghcr.io/acme/worker (repository at apps/worker.yaml:${line}), as Argo CD merges ${name === "values string" ? "the values string" : name === "parameter" ? "parameters" : name} over values files, and was not moved: set it with an overrides: entry in the configuration (file: envs/prod.yaml, spec: image.tag, image: ghcr.io/acme/worker, part: tag)`,
        },
      ]);
      const entry = /in the configuration \((.*)\)$/.exec(result.warnings[0]!.message)![1]!;
      const copied = await plan({ ...files, ".github/gitops-promote.yaml": `overrides:\n  - ${entry.split(", ").join("\n    ")}\n` });
      expect(
        copied.changes.map((c) => [c.file, c.key, c.new]),
        name,
      ).toEqual([["envs/prod.yaml", "image.tag", "1.4.3"]]);
      expect(copied.warnings, name).toEqual([]);
    }
  });

  it("is named in a path: chart's values.yaml that holds the tag alone, as in a values file it lists", async () => {
    const result = await plan({
      "apps/worker.yaml": app("  source:\n    path: charts/worker\n    helm:\n      valuesObject: {image: {repository: ghcr.io/acme/worker}}\n"),
      "charts/worker/values.yaml": "image:\n  tag: 1.4.0\n",
    });
    expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(", and"))])).toEqual([
      [
        "charts/worker/values.yaml",
        2,
        "image.tag sets the tag of ghcr.io/acme/worker (repository at apps/worker.yaml:8), as Argo CD merges valuesObject over values files",
      ],
    ]);
  });

  it("says nothing where the layer above sets the tag too, names another repository over the pair below, or the tag is the incoming one", async () => {
    const cases: [string, Record<string, string>][] = [
      ["tag beside the repository above", { "apps/worker.yaml": remote("        valuesObject: {image: {repository: ghcr.io/acme/worker, tag: 1.4.3}}\n") }],
      ["another image above", { "apps/worker.yaml": remote("        valuesObject: {image: {repository: ghcr.io/acme/other}}\n") }],
      [
        "another image above the pair below",
        {
          "apps/worker.yaml": app(
            "  source:\n    path: charts/worker\n    helm:\n      valueFiles: [../../envs/prod.yaml]\n      valuesObject: {image: {repository: ghcr.io/acme/other}}\n",
          ),
          "charts/worker/values.yaml": chartValues,
        },
      ],
      ["the incoming tag", { "apps/worker.yaml": remote(above[0]![1]), "envs/prod.yaml": prod.replace("1.4.0", "1.4.3") }],
    ];
    for (const [name, files] of cases)
      expect(
        (await plan({ "envs/prod.yaml": prod, ...files })).warnings.filter((w) => w.file === "envs/prod.yaml"),
        name,
      ).toEqual([]);
  });
});
