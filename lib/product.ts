// The software's own name, the same in every deployment. The company that runs a deployment and mails its contacts is
// named by its policy file (brand.displayName, lib/policy/current-policy.ts), never here.
export const PRODUCT_NAME = "Tillit";
