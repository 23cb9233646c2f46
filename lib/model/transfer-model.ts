/** The shapes the conformance check reads synthesized JSON into (see read-transfer-model.ts). */

/** A blob container as the JSON names it: keys from References.nameKey. */
export interface ContainerKey {
  /** Container name key. */
  readonly name: string;
  /** Storage account name key, when the JSON tells it. */
  readonly account?: string;
}

/** What a role assignment is scoped to. */
export type RoleScope =
  | { readonly kind: "secret"; readonly vault: string; readonly secret: string }
  | { readonly kind: "vault"; readonly vault: string }
  | { readonly kind: "container"; readonly container: ContainerKey }
  | { readonly kind: "other" };

/** An access policy or role assignment, read from the JSON. */
export interface Grant {
  /** Terraform address. */
  readonly address: string;
  /** Principal key (see StackKeys.principalKey). */
  readonly principal: string;
  /** What it grants. */
  readonly target:
    | { readonly kind: "access-policy"; readonly vault: string; readonly readOnly: boolean }
    | { readonly kind: "role"; readonly role: string; readonly scope: RoleScope };
  /** What it grants, in words. */
  readonly description: string;
}

/** A grant a pipeline's acting principal must hold. */
export type Need =
  | {
      readonly kind: "secret";
      /** Vault key, when the secret can be placed in a vault. */
      readonly vault?: string;
      /** Secret name key, when known. */
      readonly secret?: string;
      /** Whether the secret is given by URI (or an expression) rather than by a resource in the stack. */
      readonly byUri: boolean;
      /** The keyVaultUri, as written. */
      readonly uri: string;
    }
  | {
      readonly kind: "container";
      readonly container: ContainerKey;
      readonly role: string;
      readonly uri: string;
    };

/** An export or import pipeline. */
export interface TransferPipelineModel {
  /** Terraform address. */
  readonly address: string;
  /** Address, side and name, for messages. */
  readonly label: string;
  /** Key of the principal that acts for it; undefined when it cannot be told. */
  readonly principal?: string;
  /** Key of its own system-assigned identity. */
  readonly systemPrincipal: string;
  /** What its principal must be granted. */
  readonly needs: readonly Need[];
  /** What is wrong with it regardless of grants. */
  readonly problems: readonly string[];
}

/** A pipeline run. */
export interface PipelineRunModel {
  /** Terraform address. */
  readonly address: string;
  /** Address and name, for messages. */
  readonly label: string;
  /** Address of the pipeline it runs, when it is in the stack. */
  readonly pipeline?: string;
  /** Addresses in its depends_on. */
  readonly dependsOn: readonly string[];
}

/** The ACR Transfer parts of a stack. */
export interface TransferModel {
  /** Export and import pipelines. */
  readonly pipelines: readonly TransferPipelineModel[];
  /** Every access policy and role assignment. */
  readonly grants: readonly Grant[];
  /** Every pipeline run. */
  readonly runs: readonly PipelineRunModel[];
}

/** Describes a principal key for messages. */
export function describePrincipal(key: string): string {
  if (key.startsWith("system:"))
    return `the system-assigned identity of ${key.slice("system:".length)}`;
  if (key.startsWith("identity:ref:"))
    return `the user-assigned identity ${key.slice("identity:ref:".length)}`;
  if (key.startsWith("identity:"))
    return `the user-assigned identity ${key.slice("identity:".length)}`;
  return `the principal ${key.slice("principal:".length)}`;
}

/** An azapi `type` without its api-version, in lower case (ARM types ignore case). */
export function baseType(type: unknown): string | undefined {
  return typeof type === "string" ? type.split("@")[0].toLowerCase() : undefined;
}
