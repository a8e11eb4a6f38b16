/**
 * The API groups of the objects gitops-promote reads, each spelt once: a misspelt group matches
 * no object and turns its reader off without an error. Each ends in the `/` before the version,
 * so `apiVersion` starts with it and a byte screen can search a text for it as it is.
 */
import type { ObjectId } from "../change.js";

/** kustomize's Kustomization and Component (kustomization.yaml). */
export const KUSTOMIZE = "kustomize.config.k8s.io/";
/** Flux's Kustomization. */
export const FLUX_KUSTOMIZE = "kustomize.toolkit.fluxcd.io/";
/** Flux's HelmRelease. */
export const FLUX_HELM = "helm.toolkit.fluxcd.io/";
/** Flux's ImageRepository and ImagePolicy. */
export const FLUX_IMAGE = "image.toolkit.fluxcd.io/";
/** flux-kcl-controller's KCLRun. */
export const KCL_RUN = "krm.kcl.dev.fluxcd/";
/** Argo CD's Application and ApplicationSet. */
export const ARGO = "argoproj.io/";
/** Tekton's Task, Pipeline and their runs. */
export const TEKTON = "tekton.dev/";
/** Skaffold's Config. */
export const SKAFFOLD = "skaffold/";
/** k3s's (and RKE2's) HelmChart and HelmChartConfig. */
export const HELM_CATTLE = "helm.cattle.io/";
/** argocd-image-updater's ImageUpdater, and the prefix of its Application annotations. */
export const ARGO_IMAGE_UPDATER = "argocd-image-updater.argoproj.io/";

/** Whether `apiVersion` is a version of `group`. */
export function inGroup(apiVersion: string | undefined, group: string): boolean {
  return apiVersion?.startsWith(group) === true;
}

/** Whether an object is a Flux Kustomization. */
export function isFluxKustomization({ apiVersion, kind }: ObjectId): boolean {
  return kind === "Kustomization" && inGroup(apiVersion, FLUX_KUSTOMIZE);
}

/** Whether an object is a Flux HelmRelease. */
export function isHelmRelease({ apiVersion, kind }: ObjectId): boolean {
  return kind === "HelmRelease" && inGroup(apiVersion, FLUX_HELM);
}
