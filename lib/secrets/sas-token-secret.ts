import { DataAzurermStorageAccountBlobContainerSas } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account-blob-container-sas";
import { KeyVaultSecret } from "@cdktf/provider-azurerm/lib/key-vault-secret";
import { Annotations, TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { AzureCloud } from "../arm/clouds";
import { SHORT_EXPIRY_DAYS, checkUtcTimestamp, daysUntil, expiryRule } from "../arm/dates";
import { checkSecretName, secretUri } from "../arm/key-vault";
import { KEY_VAULT_ID, parseResourceId } from "../arm/resource-ids";
import { IKeyVaultRef, KeyVaultAccessModel, KeyVaultRef } from "../references/key-vault";
import { SasToken, SasTokenKind } from "./sas-token";
import { GeneratedTokenScope, ISasTokenSecret } from "./secret";
import { ExistingSecret } from "./existing-secret";
import { idPrefix, idSegment } from "../private/token-ids";
import { check, fail } from "../validation/check";

/** Props of a new SAS token secret. */
export interface SasTokenSecretProps {
  /** The existing vault to write the secret to. */
  readonly keyVault: IKeyVaultRef;
  /** Secret name: 1-127 letters, digits and hyphens. */
  readonly secretName: string;
  /** Where the value comes from: SasToken.fromVariable, fromValue, generateForExport or generateForImport. */
  readonly token: SasToken;
  /**
   * azurerm provider for the secret (and the SAS data source).
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** Options for a secret given by URI. */
export interface SasTokenSecretUriOptions {
  /**
   * The vault holding it, so the pipeline identity can be granted read access.
   * @default unknown: no grant is made, and a warning says you must grant `Get` yourself
   */
  readonly keyVault?: IKeyVaultRef;
}

/** Options for a secret given by ARM ID. */
export interface SasTokenSecretIdOptions {
  /** How the vault authorizes secret reads. */
  readonly accessModel: KeyVaultAccessModel;
  /**
   * The cloud the vault is in.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
}

/**
 * A Key Vault secret holding a SAS token: written by the library (write-only or generated),
 * or an existing one by URI or ARM ID.
 */
export class SasTokenSecret extends Construct implements ISasTokenSecret {
  /** An existing secret by URI, `https://<vault>.vault.azure.net/secrets/<name>`. */
  public static fromSecretUri(
    scope: Construct,
    id: string,
    uri: string,
    options: SasTokenSecretUriOptions = {},
  ): ISasTokenSecret {
    return new ExistingSecret(scope, id, uri, options.keyVault);
  }

  /** An existing secret by ARM ID, `<vault ID>/secrets/<name>`. */
  public static fromSecretResourceId(
    scope: Construct,
    id: string,
    secretResourceId: string,
    options: SasTokenSecretIdOptions,
  ): ISasTokenSecret {
    const holder = new Construct(scope, id);
    // <vault ID: 9 segments>/secrets/<name>; works on tokens too, through Terraform functions.
    const vaultId = idPrefix(secretResourceId, 9);
    const name = idSegment(secretResourceId, 10);
    check(holder, "secretResourceId", secretResourceId, (value) =>
      value.split("/").length === 11 &&
      idSegment(value, 9).toLowerCase() === "secrets" &&
      parseResourceId(vaultId, KEY_VAULT_ID)
        ? checkSecretName(name)
        : {
            problem: "is not a Key Vault secret resource ID",
            rule: "<key vault resource ID>/secrets/<secret name>",
            fix: "pass azurerm_key_vault_secret.resource_versionless_id, or use SasTokenSecret.fromSecretUri",
          },
    );
    const vault = KeyVaultRef.fromKeyVaultId(holder, "Vault", vaultId, options);
    return new ExistingSecret(
      holder,
      "Secret",
      secretUri(vault.vaultName, name, vault.cloud),
      vault,
    );
  }

  public readonly secretUri: string;
  public readonly keyVault: IKeyVaultRef;
  public readonly secretResourceId: string;
  public readonly secretKey: string;
  public readonly generatedFor?: GeneratedTokenScope;
  public readonly cloud: AzureCloud;
  /** The azurerm secret resource. */
  public readonly resource: KeyVaultSecret;

  /** Writes a SAS token secret into an existing vault. */
  public constructor(scope: Construct, id: string, props: SasTokenSecretProps) {
    super(scope, id);
    check(this, "secretName", props.secretName, checkSecretName);
    this.keyVault = props.keyVault;
    this.cloud = props.keyVault.cloud;
    const token = props.token;
    this.resource =
      token.kind === SasTokenKind.GENERATED
        ? this.generatedSecret(props, token)
        : this.writeOnlySecret(props, token);
    this.secretUri = this.resource.versionlessId;
    this.secretResourceId = this.resource.resourceVersionlessId;
    this.secretKey = this.node.path;
    if (token.generated && token.side && token.permissions) {
      this.generatedFor = {
        side: token.side,
        container: token.generated.container,
        permissions: token.permissions,
      };
    }
  }

  private writeOnlySecret(props: SasTokenSecretProps, token: SasToken): KeyVaultSecret {
    const variable = token.variable;
    if (variable && variable.default !== undefined) {
      fail(this, "token", variable.node.path, {
        problem: "is a variable with a default, which would be written into cdktf.out",
        rule: "a SAS token variable has no default",
        fix: "remove the default and pass the token with TF_VAR_<name> or a .tfvars file kept out of git",
      });
    }
    if (variable && variable.sensitive !== true) {
      fail(this, "token", variable.node.path, {
        problem: "is a variable that is not sensitive, so plans would print the token",
        rule: "a SAS token variable is declared with sensitive: true",
        fix: "add sensitive: true to the TerraformVariable",
      });
    }
    if (!Token.isUnresolved(token.value)) {
      fail(this, "token", "<literal string, not shown>", {
        problem: "is a literal string, which would be written into cdktf.out in clear text",
        rule: "a SAS token given to the library is only known at apply time (a token)",
        fix: "pass a sensitive TerraformVariable with SasToken.fromVariable",
      });
    }
    check(this, "version", token.version, (v) =>
      Number.isInteger(v) && v >= 1
        ? undefined
        : {
            problem: "is not a positive whole number",
            rule: "value_wo_version is a whole number from 1; raising it writes the new token",
            fix: "start at 1 and add one at each rotation",
          },
    );
    return new KeyVaultSecret(this, "Resource", {
      keyVaultId: props.keyVault.keyVaultId,
      name: props.secretName,
      valueWo: token.value,
      valueWoVersion: token.version,
      contentType: "SAS token for ACR Transfer",
      provider: props.azurermProvider,
    });
  }

  private generatedSecret(props: SasTokenSecretProps, token: SasToken): KeyVaultSecret {
    const generated = token.generated!;
    const account = generated.container.storageAccount;
    if (!account) {
      fail(this, "token.container", generated.container.containerUrl, {
        problem: "has no known storage account, so no SAS can be generated for it",
        rule: "a generated SAS needs the container's storage account (for its connection string)",
        fix: "give the container a storageAccount, or make it with new TransferContainer(...)",
      });
    }
    check(this, "token.start", generated.start, checkUtcTimestamp);
    const now = Date.now();
    check(this, "token.expiry", generated.expiry, expiryRule(generated.start, now));
    if (
      !Token.isUnresolved(generated.expiry) &&
      daysUntil(generated.expiry, now) < SHORT_EXPIRY_DAYS
    ) {
      Annotations.of(this).addWarning(
        `the SAS token expires on ${generated.expiry}, in under ${SHORT_EXPIRY_DAYS} days; ` +
          "runs fail after that until the expiry is moved and the stack re-applied",
      );
    }
    Annotations.of(this).addWarning(
      "this SAS token is generated by Terraform, so Terraform state holds it (the SAS data " +
        "source and the secret's value) and the storage account's connection string with its " +
        "account key (read to sign the token); keep the state in a locked-down backend, or use " +
        "SasToken.fromVariable or managed identity",
    );
    const sas = new DataAzurermStorageAccountBlobContainerSas(this, "Sas", {
      connectionString: account.primaryConnectionString,
      containerName: generated.container.containerName,
      httpsOnly: true,
      start: generated.start,
      expiry: generated.expiry,
      permissions: { ...token.permissions! },
      provider: props.azurermProvider,
    });
    return new KeyVaultSecret(this, "Resource", {
      keyVaultId: props.keyVault.keyVaultId,
      name: props.secretName,
      // As Microsoft's walkthrough stores it: the query string with its leading "?".
      value: sas.sas,
      expirationDate: generated.expiry,
      contentType: "SAS token for ACR Transfer",
      provider: props.azurermProvider,
    });
  }
}
