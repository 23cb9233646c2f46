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
 * Error messages a run retries on: role assignments and access policies take minutes to reach
 * Storage and Key Vault, so a run right after its grants may first be refused. (No backslash
 * escapes: they would not survive `cdktf synth --hcl`.)
 */
export const AUTHORIZATION_RETRY_PATTERNS: readonly string[] = [
  "AuthorizationFailed",
  "AuthorizationPermissionMismatch",
  "Forbidden",
  "(^|[^0-9])403([^0-9]|$)",
];
