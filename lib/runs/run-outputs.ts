/** Keys of a run's azapi `output`, each a path in the service's response. */
export const RUN_OUTPUTS = {
  status: "properties.response.status",
  progress_percentage: "properties.response.progress.percentage",
  imported_artifacts: "properties.response.importedArtifacts",
  catalog_digest: "properties.response.catalogDigest",
  start_time: "properties.response.startTime",
  finish_time: "properties.response.finishTime",
  error_message: "properties.response.pipelineRunErrorMessage",
} as const;

/** Default wait for a run to finish. */
export const DEFAULT_RUN_TIMEOUT = "2h";

/**
 * Error messages a run retries on: only those of a grant that has not reached Storage or Key
 * Vault yet (role assignments and access policies take minutes to propagate). Storage's RBAC
 * check (`AuthorizationPermissionMismatch`), Key Vault's RBAC check (`ForbiddenByRbac`) and its
 * access-policy check ("does not have secrets get permission"). Permanent errors are not
 * retried: an expired or wrong SAS (`AuthenticationFailed`), a storage firewall
 * (`AuthorizationFailure`), the deployer's own missing rights on ARM (`AuthorizationFailed`),
 * and any other 403. Retries end with the run's timeout.
 */
export const AUTHORIZATION_RETRY_PATTERNS: readonly string[] = [
  "AuthorizationPermissionMismatch",
  "ForbiddenByRbac",
  "does not have secrets get permission",
];

/** Defaults of pipeline runs. Lists are copies, as jsii has no read-only arrays: changing one changes no run. */
export class TransferRunDefaults {
  /** How long a run is waited for by default (the azapi `timeouts`). */
  public static readonly TIMEOUT = DEFAULT_RUN_TIMEOUT;
  /** Error messages a run retries on: a grant that has not reached Storage or Key Vault yet. */
  public static readonly AUTHORIZATION_RETRY_PATTERNS: string[] = [...AUTHORIZATION_RETRY_PATTERNS];

  private constructor() {}
}
