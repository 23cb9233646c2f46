import { ITransferContainer } from "../containers/transfer-container";

/** Where a SAS token secret's value comes from. */
export enum SasTokenKind {
  /** Given by you, written write-only: never in state or in the synthesized JSON. */
  WRITE_ONLY = "WriteOnly",
  /** Generated from the storage account key by Terraform: the token is in state. */
  GENERATED = "Generated",
}

/** Settings of a generated SAS token. */
export interface GeneratedSasTokenProps {
  /** The container the token is for; its storage account must be known. */
  readonly container: ITransferContainer;
  /** Start of validity, UTC (`YYYY-MM-DDTHH:MM:SSZ`); fixed, so the token is stable between plans. */
  readonly start: string;
  /** Expiry, UTC (`YYYY-MM-DDTHH:MM:SSZ`); the Key Vault secret expires with it. */
  readonly expiry: string;
  /**
   * Allow a token valid for more than 365 days (a leaked token works until it expires).
   * @default false: over 365 days is refused, over 90 days warns
   */
  readonly allowLongLifetime?: boolean;
}

/** Settings of a generated import-side SAS token. */
export interface GeneratedImportSasTokenProps extends GeneratedSasTokenProps {
  /**
   * Include delete permission, which the DeleteSourceBlobOnSuccess option needs.
   * @default false
   */
  readonly allowDelete?: boolean;
}

/** The blob permissions of a generated token. */
export interface SasPermissions {
  /** Read blobs. */
  readonly read: boolean;
  /** Add blocks. */
  readonly add: boolean;
  /** Create blobs. */
  readonly create: boolean;
  /** Write blobs. */
  readonly write: boolean;
  /**
   * Delete blobs.
   * @jsii suppress JSII5018 named as the SAS permission; Go exports it as Delete
   */
  readonly delete: boolean;
  /** List blobs. */
  readonly list: boolean;
}
