/**
 * One right the identity that runs `cdktf deploy` needs for a stack: what it does, the
 * permissions it takes, a built-in role (or access policy) that holds them, and where.
 */
export interface DeployerRight {
  /** What `cdktf deploy` does that needs the right, in words. */
  readonly task: string;
  /** ARM actions, data actions or Key Vault secret permissions. */
  readonly permissions: string[];
  /** A built-in role that holds them (or the access policy to give), for the docs' table. */
  readonly role: string;
  /**
   * The scope: an ARM resource ID, or the Terraform expression of one the stack creates or
   * reads (`${...}`).
   */
  readonly scope: string;
  /**
   * A role-assignment condition, a network need, or another note.
   * @default none
   */
  readonly note?: string;
}

/** The kinds of rights, in the order they are reported. */
export enum DeployerTask {
  /** Create, update and delete ACR Transfer pipelines and runs. */
  TRANSFER_RESOURCES = "create, update and delete ACR Transfer pipelines and runs",
  /** Attach a user-assigned identity to a pipeline. */
  ASSIGN_IDENTITY = "attach the user-assigned identity to pipelines",
  /** Write SAS token secrets (Key Vault data plane). */
  WRITE_SECRETS = "write SAS token secrets (Key Vault data plane)",
  /** Create the pipelines' access policies. */
  ACCESS_POLICIES = "create the pipelines' Key Vault access policies",
  /** Define the least-privilege export role (customExportRole). */
  ROLE_DEFINITIONS = "define the least-privilege export role (customExportRole)",
  /** Create the pipelines' role assignments. */
  ROLE_ASSIGNMENTS = "create the pipelines' role assignments",
  /** Create blob containers. */
  CONTAINERS = "create blob containers (Resource Manager API)",
  /** Write the storage account's lifecycle management policy (blob retention). */
  LIFECYCLE_POLICY = "write the storage account's lifecycle management policy (blob retention)",
  /** Read storage account keys, for generated SAS tokens. */
  ACCOUNT_KEYS = "read the storage account and its keys, to generate SAS tokens",
  /** Read existing resources at plan time. */
  LOOKUPS = "read existing resources at plan time",
}
