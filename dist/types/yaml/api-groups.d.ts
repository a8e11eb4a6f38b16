/**
 * The API groups of the objects gitops-promote reads, each spelt once: a misspelt group matches
 * no object and turns its reader off without an error. Each ends in the `/` before the version,
 * so `apiVersion` starts with it and a byte screen can search a text for it as it is.
 */
import type { ObjectId } from "../change.js";
/** kustomize's Kustomization and Component (kustomization.yaml). */
export declare const KUSTOMIZE = "kustomize.config.k8s.io/";
/** Flux's Kustomization. */
export declare const FLUX_KUSTOMIZE = "kustomize.toolkit.fluxcd.io/";
/** Flux's HelmRelease. */
export declare const FLUX_HELM = "helm.toolkit.fluxcd.io/";
/** Flux's ImageRepository and ImagePolicy. */
export declare const FLUX_IMAGE = "image.toolkit.fluxcd.io/";
/** flux-kcl-controller's KCLRun. */
export declare const KCL_RUN = "krm.kcl.dev.fluxcd/";
/** Argo CD's Application and ApplicationSet. */
export declare const ARGO = "argoproj.io/";
/** argocd-image-updater's ImageUpdater, and the prefix of its Application annotations. */
export declare const ARGO_IMAGE_UPDATER = "argocd-image-updater.argoproj.io/";
/** Whether `apiVersion` is a version of `group`. */
export declare function inGroup(apiVersion: string | undefined, group: string): boolean;
/** Whether an object is a Flux Kustomization. */
export declare function isFluxKustomization({ apiVersion, kind }: ObjectId): boolean;
/** Whether an object is a Flux HelmRelease. */
export declare function isHelmRelease({ apiVersion, kind }: ObjectId): boolean;
