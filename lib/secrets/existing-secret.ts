import { warn } from "../private/annotations";
import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { GrantPrincipal, expectPrincipal } from "../grants/principal";
import { SecretReadGrantOptions, grantReadOn } from "../grants/secret-read";
import { TransferGrant } from "../grants/transfer-grant";
import { AzureCloud } from "../arm/clouds";
import { ParsedSecretUri, checkSecretUri, parseSecretUri, secretUri } from "../arm/key-vault";
import { resolveIn } from "../private/resolve";
import { cloudDefaulted, markCloud } from "../private/defaulted-cloud";
import { IKeyVaultRef } from "../references/key-vault";
import { idSegment } from "../private/token-ids";
import { check, expectProvider, expectShape, fail } from "../validation/check";
import { ISasTokenSecret } from "./secret";
import { TransferWarningIds } from "../arm/warning-ids";

/**
 * An existing secret by URI, checked against its vault when one is given; made by
 * SasTokenSecret.fromSecretUri and fromSecretResourceId.
 */
export class ExistingSecret extends Construct implements ISasTokenSecret {
  public readonly secretUri: string;
  public readonly secretResourceId?: string;
  public readonly secretKey?: string;
  public readonly cloud?: AzureCloud;

  /** Checks `uri`, and that it names `keyVault` when one is given. */
  public constructor(
    scope: Construct,
    id: string,
    uri: string,
    public readonly keyVault?: IKeyVaultRef,
  ) {
    super(scope, id);
    expectShape(this, "secretUri", uri, "string");
    const vaultFix = "pass KeyVaultRef.fromKeyVaultId(...) or KeyVaultRef.fromKeyVault(...)";
    expectShape(this, "keyVault", keyVault, "object", false, vaultFix);
    if (keyVault) {
      expectShape(this, "keyVault.keyVaultId", keyVault.keyVaultId, "string", true, vaultFix);
    }
    this.secretUri = check(this, "secretUri", uri, checkSecretUri);
    const parsed = Token.isUnresolved(uri) ? undefined : parseSecretUri(uri);
    this.refuseVersion(uri, parsed);
    this.cloud = parsed?.cloud ?? keyVault?.cloud;
    markCloud(this, !parsed && cloudDefaulted(keyVault));
    this.secretKey = parsed
      ? `${parsed.vaultName}/${parsed.secretName}`.toLowerCase()
      : this.node.path;
    if (parsed && keyVault) this.checkMatchesVault(uri, parsed.vaultName, parsed.cloud, keyVault);
    if (keyVault) {
      // https://<vault host>/secrets/<name>: the name is segment 4, also for a token URI.
      const secretName = parsed?.secretName ?? idSegment(uri, 4);
      this.secretResourceId = `${keyVault.keyVaultId}/secrets/${secretName}`;
    }
    if (!keyVault) {
      warn(
        this,
        TransferWarningIds.SECRET_READ_NOT_GRANTED,
        "no keyVault was given for this secret, so pipelines using it are not granted read access; " +
          "grant their identity 'Get' on secrets (access policy) or 'Key Vault Secrets User' (RBAC) yourself",
      );
    }
  }

  /** Lets `principal` read this secret, when its vault is known. */
  public grantRead(principal: GrantPrincipal, options: SecretReadGrantOptions = {}): TransferGrant {
    expectPrincipal(this, principal);
    expectShape(this, "options", options, "object", false);
    expectProvider(this, "options.azurermProvider", options?.azurermProvider);
    return grantReadOn(this, principal, options ?? {});
  }

  /**
   * A pipeline's keyVaultUri is versionless: it reads the secret's current version, so a
   * rotated token takes effect. A pinned version (or azurerm's versioned `id`) would keep
   * serving the old token until it expires.
   */
  private refuseVersion(uri: string, parsed: ParsedSecretUri | undefined): void {
    const rule =
      "a pipeline's keyVaultUri is versionless, so that it reads the secret's current version and a rotated SAS token takes effect";
    if (parsed?.version) {
      fail(this, "secretUri", uri, {
        problem: `pins the secret version ${parsed.version}`,
        rule,
        fix: `use "${secretUri(parsed.vaultName, parsed.secretName, parsed.cloud)}"`,
      });
    }
    if (Token.isUnresolved(uri) && VERSIONED_SECRET_ID.test(String(resolveIn(this, uri)))) {
      fail(this, "secretUri", uri, {
        problem: "is an azurerm key vault secret's id, which names one version",
        rule,
        fix: "pass the secret's versionless_id (KeyVaultSecret.versionlessId) instead of its id",
      });
    }
  }

  private checkMatchesVault(
    uri: string,
    vaultName: string,
    cloud: AzureCloud,
    vault: IKeyVaultRef,
  ): void {
    if (cloud !== vault.cloud) {
      fail(this, "secretUri", uri, {
        problem: `points at the ${cloud} cloud, but its vault is in ${vault.cloud}`,
        rule: "a secret URI uses its vault's cloud suffix",
        fix: `give the KeyVaultRef cloud: AzureCloud.${enumKey(cloud)}, or use the vault's own URI`,
      });
    }
    if (
      !Token.isUnresolved(vault.vaultName) &&
      vault.vaultName.toLowerCase() !== vaultName.toLowerCase()
    ) {
      fail(this, "secretUri", uri, {
        problem: `names the vault "${vaultName}", but keyVault is "${vault.vaultName}"`,
        rule: "the secret lives in the vault given as keyVault",
        fix: "pass the vault that holds the secret",
      });
    }
  }
}

/** `${azurerm_key_vault_secret.<name>.id}` (or the data source's): the versioned secret ID. */
const VERSIONED_SECRET_ID = /^\$\{(?:data\.)?azurerm_key_vault_secret\.[\w-]+\.id\}$/;

function enumKey(cloud: AzureCloud): string {
  return Object.entries(AzureCloud).find(([, v]) => v === cloud)![0];
}
