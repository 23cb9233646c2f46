import { TerraformVariable } from "cdktf";
import { TransferSide } from "../arm/options";
import { ITransferContainer } from "../references/transfer-container";

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

/** The value of a SAS token secret. */
export class SasToken {
  /**
   * A sensitive Terraform variable without a default, written through `value_wo` (Terraform
   * 1.11+): the token reaches neither state nor cdktf.out. Bump `version` to rotate.
   */
  public static fromVariable(variable: TerraformVariable, version: number): SasToken {
    return new SasToken(SasTokenKind.WRITE_ONLY, {
      variable,
      value: variable.stringValue,
      version,
    });
  }

  /**
   * Any string known only at apply time (a token: a variable, an ephemeral value, a function),
   * written through `value_wo`. A literal string is refused: it would sit in cdktf.out.
   */
  public static fromValue(value: string, version: number): SasToken {
    return new SasToken(SasTokenKind.WRITE_ONLY, { value, version });
  }

  /**
   * Generated for an export pipeline: read, add, write and list (the `alrw` of
   * `az storage container generate-sas`), HTTPS only. The token is stored in Terraform state.
   */
  public static generateForExport(props: GeneratedSasTokenProps): SasToken {
    return new SasToken(SasTokenKind.GENERATED, {
      generated: props,
      side: TransferSide.EXPORT,
      permissions: { read: true, add: true, create: false, write: true, delete: false, list: true },
    });
  }

  /**
   * Generated for an import pipeline: read and list, plus delete when `allowDelete` is set,
   * HTTPS only. The token is stored in Terraform state.
   */
  public static generateForImport(props: GeneratedImportSasTokenProps): SasToken {
    const del = props.allowDelete ?? false;
    return new SasToken(SasTokenKind.GENERATED, {
      generated: props,
      side: TransferSide.IMPORT,
      permissions: { read: true, add: false, create: false, write: false, delete: del, list: true },
    });
  }

  private constructor(
    /** Where the value comes from. */
    public readonly kind: SasTokenKind,
    private readonly details: SasTokenDetails,
  ) {}

  /** The write-only value (WRITE_ONLY tokens). */
  public get value(): string | undefined {
    return this.details.value;
  }

  /** The variable it came from, if any. */
  public get variable(): TerraformVariable | undefined {
    return this.details.variable;
  }

  /** The rotation version (WRITE_ONLY tokens). */
  public get version(): number | undefined {
    return this.details.version;
  }

  /** Generation settings (GENERATED tokens). */
  public get generated(): GeneratedSasTokenProps | undefined {
    return this.details.generated;
  }

  /** The side a generated token was made for. */
  public get side(): TransferSide | undefined {
    return this.details.side;
  }

  /** The permissions of a generated token. */
  public get permissions(): SasPermissions | undefined {
    return this.details.permissions;
  }
}

interface SasTokenDetails {
  readonly value?: string;
  readonly variable?: TerraformVariable;
  readonly version?: number;
  readonly generated?: GeneratedSasTokenProps;
  readonly side?: TransferSide;
  readonly permissions?: SasPermissions;
}
