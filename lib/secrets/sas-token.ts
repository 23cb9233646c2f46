import { TerraformVariable } from "../core/cdk";
import { Construct } from "constructs";
import { TransferSide } from "../arm/options";
import { GeneratedSasToken } from "./generated-sas-token";
import {
  GeneratedImportSasTokenProps,
  GeneratedSasTokenProps,
  SasTokenKind,
} from "./sas-token-props";
import { ISasTokenSource, SasTokenBinding, SasTokenSecretConfig } from "./sas-token-source";
import { WriteOnlyOrigin, WriteOnlySasToken } from "./write-only-sas-token";

/** The value of a SAS token secret. */
export class SasToken {
  /**
   * A sensitive Terraform variable without a default, written through `value_wo` (Terraform
   * 1.11+): the token reaches neither state nor cdktf.out. Bump `version` to rotate.
   */
  public static fromVariable(variable: TerraformVariable, version: number): SasToken {
    // From JavaScript or a config this may be no variable at all: the secret checks it when bound.
    const value = (variable as Partial<TerraformVariable> | undefined)?.stringValue;
    return new SasToken(
      new WriteOnlySasToken(value as string, version, variable, WriteOnlyOrigin.VARIABLE),
    );
  }

  /**
   * An expression of sensitive variables without a default, written through `value_wo`: a
   * function of them (`Fn.trimspace(variable.stringValue)`) or a map entry
   * (`Fn.lookupNested(variable.value, ["payments"])`). Anything else is refused, since it may
   * carry text from the code into cdktf.out: a literal (also as a function's argument), a local,
   * a resource or data source attribute (docs/security.md).
   */
  public static fromValue(value: string, version: number): SasToken {
    return new SasToken(new WriteOnlySasToken(value, version, undefined, WriteOnlyOrigin.VALUE));
  }

  /**
   * A token given as plain text, for tests and throwaway stacks only: it is written through
   * `value_wo` (never into state) but sits in clear text in cdktf.out, and every synth warns.
   * The one way a literal reaches a secret; real tokens come from `fromVariable`.
   */
  public static unsafePlainText(token: string, version: number): SasToken {
    return new SasToken(
      new WriteOnlySasToken(token, version, undefined, WriteOnlyOrigin.PLAIN_TEXT),
    );
  }

  /**
   * Generated for an export pipeline: read, add, write and list (the `alrw` of
   * `az storage container generate-sas`), HTTPS only. The token is stored in Terraform state.
   */
  public static generateForExport(props: GeneratedSasTokenProps): SasToken {
    const permissions = {
      read: true,
      add: true,
      create: false,
      write: true,
      delete: false,
      list: true,
    };
    return new SasToken(new GeneratedSasToken(props, TransferSide.EXPORT, permissions));
  }

  /**
   * Generated for an import pipeline: read and list, plus delete when `allowDelete` is set,
   * HTTPS only. The token is stored in Terraform state.
   */
  public static generateForImport(props: GeneratedImportSasTokenProps): SasToken {
    const permissions = {
      read: true,
      add: false,
      create: false,
      write: false,
      // A config's "true" is checked (and refused) when the secret binds the token.
      delete: props?.allowDelete === true,
      list: true,
    };
    return new SasToken(new GeneratedSasToken(props, TransferSide.IMPORT, permissions));
  }

  /** Where the value comes from. */
  public readonly kind: SasTokenKind;

  private constructor(private readonly source: ISasTokenSource) {
    this.kind = source.kind;
  }

  /**
   * Checks the token, naming `secret` in errors and warnings, and writes it into the secret
   * `Resource` under `secret`, which `config` describes but for the value.
   * @internal
   */
  public _bind(secret: Construct, config: SasTokenSecretConfig): SasTokenBinding {
    return this.source._bind(secret, config);
  }
}
