/** The API groups of the objects read, checked against apiVersions as the projects' own documentation writes them. */
import { describe, expect, it } from "vitest";
import {
  ARGO,
  ARGO_IMAGE_UPDATER,
  FLUX_HELM,
  FLUX_IMAGE,
  FLUX_KUSTOMIZE,
  inGroup,
  isFluxKustomization,
  isHelmRelease,
  KCL_RUN,
  KUSTOMIZE,
} from "../../src/yaml/api-groups.js";

describe("inGroup", () => {
  it.each([
    ["kustomize.config.k8s.io/v1beta1", KUSTOMIZE],
    ["kustomize.config.k8s.io/v1alpha1", KUSTOMIZE],
    ["kustomize.toolkit.fluxcd.io/v1", FLUX_KUSTOMIZE],
    ["helm.toolkit.fluxcd.io/v2", FLUX_HELM],
    ["image.toolkit.fluxcd.io/v1beta2", FLUX_IMAGE],
    ["krm.kcl.dev.fluxcd/v1alpha1", KCL_RUN],
    ["argoproj.io/v1alpha1", ARGO],
    ["argocd-image-updater.argoproj.io/v1alpha1", ARGO_IMAGE_UPDATER],
  ])("reads %s as a version of %s", (apiVersion, group) => {
    expect(inGroup(apiVersion, group)).toBe(true);
  });

  it("reads no apiVersion, or a group that only starts like one, as in none", () => {
    expect(inGroup(undefined, ARGO)).toBe(false);
    expect(inGroup("kustomize.toolkit.fluxcd.io.example.com/v1", FLUX_KUSTOMIZE)).toBe(false);
    expect(inGroup("apps/v1", KUSTOMIZE)).toBe(false);
  });
});

describe("isFluxKustomization and isHelmRelease", () => {
  it("take both the kind and the group", () => {
    expect(isFluxKustomization({ apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization" })).toBe(true);
    expect(isFluxKustomization({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization" })).toBe(false);
    expect(isFluxKustomization({ apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "HelmRelease" })).toBe(false);
    expect(isHelmRelease({ apiVersion: "helm.toolkit.fluxcd.io/v2", kind: "HelmRelease" })).toBe(true);
    expect(isHelmRelease({ kind: "HelmRelease" })).toBe(false);
  });
});
