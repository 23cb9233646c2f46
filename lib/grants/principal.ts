/** The identity that acts for a pipeline, as grants need it. */
export interface PipelinePrincipal {
  /** Principal (object) ID. */
  readonly principalId: string;
  /** Tenant ID, for Key Vault access policies. */
  readonly tenantId: string;
  /** A stable key that tells principals apart within one app, so each grant is made once. */
  readonly principalKey: string;
  /** True for a user-assigned identity, which several pipelines may share. */
  readonly shared: boolean;
}
