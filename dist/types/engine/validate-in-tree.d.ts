import { type UpdateRequest, type ValidRequest } from "./request.js";
import { type TreeSource } from "./source.js";
/**
 * The request validated (validateRequest). A refusal that offers a value given as a tag alone an unknown repository
 * is checked again with what the tree names (knownImagesIn); read only then, it costs a valid run nothing. A tree
 * that cannot be read then leaves the refusal as it is: it is the request that is wrong.
 */
export declare function validateInTree(listed: TreeSource, request: UpdateRequest): Promise<ValidRequest>;
