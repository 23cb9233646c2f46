import { TransferSide } from "../arm/options";

/**
 * The shapes synthesized JSON is read into (see read-transfer-model.ts): what the conformance
 * check and the review command work from.
 */

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
    | {
        readonly kind: "access-policy";
        readonly vault: string;
        readonly readOnly: boolean;
        /** Its secret_permissions, as written. */
        readonly secretPermissions: readonly string[];
      }
    | {
        readonly kind: "role";
        readonly role: string;
        readonly scope: RoleScope;
        /** Its ABAC condition, as written (e.g. the one that denies blob delete). */
        readonly condition?: string;
      };
  /** What it grants, in words. */
  readonly description: string;
  /** The scope (role assignments) or key_vault_id (access policies), as written. */
  readonly scope: string;
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
  /** Construct path, from the block's `"//"` metadata when the JSON keeps it. */
  readonly path?: string;
  /** Pipeline name, as written. */
  readonly name: string;
  /** Export or import. */
  readonly side: TransferSide;
  /** parent_id: the registry's ARM ID, as written. */
  readonly registryId: string;
  /** The registry's name key (see References.idNameKey), or parent_id when it cannot be read. */
  readonly registry: string;
  /** The api-version of its `type`. */
  readonly apiVersion: string;
  /** identity.type, as written ("None" when there is no identity block). */
  readonly identityType: string;
  /** identity.identity_ids, as written. */
  readonly identityIds: readonly string[];
  /** storageAccessMode, as written, or SasToken when only a keyVaultUri is given. */
  readonly storageAccessMode?: string;
  /** The container's uri, as written. */
  readonly containerUri?: string;
  /** The container, keyed (see StackKeys.containerOfUri). */
  readonly container?: ContainerKey;
  /** keyVaultUri, in SAS token mode. */
  readonly secretUri?: string;
  /** Export or import options, as written. */
  readonly options: readonly string[];
  /** Import pipelines: trigger.sourceTrigger.status ("Enabled", "Disabled"); export: undefined. */
  readonly sourceTrigger?: string;
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
  /** Construct path, from the block's `"//"` metadata when the JSON keeps it. */
  readonly path?: string;
  /** Run name, as written. */
  readonly name: string;
  /** Export when the request names a target blob, import when it names a source blob. */
  readonly side?: TransferSide;
  /** request.pipelineResourceId, as written. */
  readonly pipelineId: string;
  /** parent_id: the registry's ARM ID, as written. */
  readonly registryId: string;
  /** The api-version of its `type`. */
  readonly apiVersion: string;
  /** Export runs: the artifacts, as written. */
  readonly artifacts: readonly string[];
  /** The blob it writes (export) or reads (import). */
  readonly blob?: string;
  /** forceUpdateTag: a new value re-runs the run. */
  readonly rerunToken?: string;
  /** Address and name, for messages. */
  readonly label: string;
  /** Address of the pipeline it runs, when it is in the stack. */
  readonly pipeline?: string;
  /** Addresses in its depends_on. */
  readonly dependsOn: readonly string[];
}

/**
 * Where a SAS token secret's value comes from: written write-only (`value_wo`, never in state),
 * generated by Terraform from the storage account key (token and account key in state), any
 * other `value` (in state), or a secret the stack only names by URI or ID.
 */
export type SecretKind = "write-only" | "generated" | "value" | "existing";

/** A Key Vault secret a pipeline reads its SAS token from. */
export interface SecretModel {
  /** Terraform address of its azurerm_key_vault_secret; undefined for existing secrets. */
  readonly address?: string;
  /** Construct path, from the block's `"//"` metadata when the JSON keeps it. */
  readonly path?: string;
  /** Secret name key. */
  readonly name: string;
  /** Vault key, when known. */
  readonly vault?: string;
  /** Where its value comes from. */
  readonly kind: SecretKind;
  /** value_wo_version, as written (write-only secrets). */
  readonly writeOnlyVersion?: string;
  /** expiration_date, as written. */
  readonly expiry?: string;
  /** Addresses of the pipelines that read it. */
  readonly usedBy: readonly string[];
}

/** A managed identity that acts for pipelines or holds grants. */
export interface IdentityModel {
  /** Principal key (see StackKeys.principalKey). */
  readonly key: string;
  /** A pipeline's own system-assigned identity, or a user-assigned one. */
  readonly kind: "system" | "user" | "principal";
  /** Its name for people: the pipeline or identity name. */
  readonly name: string;
  /** Addresses of the pipelines it acts for. */
  readonly actsFor: readonly string[];
}

/** The ACR Transfer parts of a stack. */
export interface TransferModel {
  /** Export and import pipelines. */
  readonly pipelines: readonly TransferPipelineModel[];
  /** Every access policy and role assignment. */
  readonly grants: readonly Grant[];
  /** Every pipeline run. */
  readonly runs: readonly PipelineRunModel[];
  /** Every SAS token secret a pipeline reads, declared in the stack or not. */
  readonly secrets: readonly SecretModel[];
  /** Every identity that acts for a pipeline or holds a grant. */
  readonly identities: readonly IdentityModel[];
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
