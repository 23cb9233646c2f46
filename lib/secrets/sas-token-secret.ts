import { KeyVaultSecret } from "../core/azurerm";
import { TerraformProvider, Token } from "../core/cdk";
import { Construct } from "constructs";
import { DeployerRegistration } from "../deployer/stack-registration";
import { GrantPrincipal, expectPrincipal } from "../grants/principal";
import { SecretReadGrantOptions, grantReadOn } from "../grants/secret-read";
import { TransferGrant } from "../grants/transfer-grant";
import { AzureCloud } from "../arm/clouds";
import { checkSecretName, secretUri } from "../arm/key-vault";
import { KEY_VAULT_ID, parseResourceId } from "../arm/resource-ids";
import { IKeyVaultRef, KeyVaultAccessModel, KeyVaultRef } from "../references/key-vault";
import { SasToken } from "./sas-token";
import { GeneratedTokenScope, ISasTokenSecret } from "./secret";
import { ExistingSecret } from "./existing-secret";
import { idPrefix, idSegment } from "../private/token-ids";
import { keyOf } from "../private/keys";
import { NameKind, claimName } from "../private/ledger";
import { cloudDefaulted, markCloud } from "../private/defaulted-cloud";
import { check, expectProps, expectProvider, expectShape, fail } from "../validation/check";

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
  /** An existing secret by its versionless URI, `https://<vault>.vault.azure.net/secrets/<name>`. */
  public static fromSecretUri(
    scope: Construct,
    id: string,
    uri: string,
    options: SasTokenSecretUriOptions = {},
  ): ISasTokenSecret {
    const secret = new ExistingSecret(scope, id, uri, options?.keyVault);
    expectShape(secret, "options", options, "object", false);
    return secret;
  }

  /** An existing secret by ARM ID, `<vault ID>/secrets/<name>`. */
  public static fromSecretResourceId(
    scope: Construct,
    id: string,
    secretResourceId: string,
    options: SasTokenSecretIdOptions,
  ): ISasTokenSecret {
    const holder = new Construct(scope, id);
    expectShape(holder, "secretResourceId", secretResourceId, "string");
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
    const secret = new ExistingSecret(
      holder,
      "Secret",
      secretUri(vault.vaultName, name, vault.cloud),
      vault,
    );
    // Its URI is built from the vault's cloud, so the cloud is as given (or defaulted) there.
    return markCloud(secret, cloudDefaulted(vault));
  }

  public readonly secretUri: string;
  /** The vault the secret is written to (always set). */
  public readonly keyVault?: IKeyVaultRef;
  /** ARM ID of the secret (always set). */
  public readonly secretResourceId?: string;
  /** The secret's construct path. */
  public readonly secretKey?: string;
  public readonly generatedFor?: GeneratedTokenScope;
  /** The vault's cloud (always set). */
  public readonly cloud?: AzureCloud;
  /** The azurerm secret resource. */
  public readonly resource: KeyVaultSecret;

  /** Writes a SAS token secret into an existing vault. */
  public constructor(scope: Construct, id: string, props: SasTokenSecretProps) {
    super(scope, id);
    const deployer = DeployerRegistration.of(this);
    expectProps(this, props, "SasTokenSecretProps");
    const vaultFix = "pass KeyVaultRef.fromKeyVaultId(...) or KeyVaultRef.fromKeyVault(...)";
    expectShape(this, "keyVault", props.keyVault, "object", true, vaultFix);
    expectShape(this, "keyVault.keyVaultId", props.keyVault.keyVaultId, "string", true, vaultFix);
    expectShape(this, "secretName", props.secretName, "string");
    check(this, "secretName", props.secretName, checkSecretName);
    const tokenFix =
      "pass SasToken.fromVariable(variable, 1), SasToken.generateForExport({...}) or SasToken.generateForImport({...})";
    expectShape(this, "token", props.token, "object", true, tokenFix);
    if (typeof props.token._bind !== "function") {
      fail(this, "token", props.token, {
        problem: "is not a SasToken",
        rule: "a new secret's value comes from one of the SasToken factories",
        fix: tokenFix,
      });
    }
    expectProvider(this, "azurermProvider", props.azurermProvider);
    this.claimSecretName(props.keyVault, props.secretName);
    this.keyVault = props.keyVault;
    this.cloud = props.keyVault.cloud;
    markCloud(this, cloudDefaulted(props.keyVault));
    const { resource, generatedFor } = props.token._bind(this, {
      keyVaultId: props.keyVault.keyVaultId,
      name: props.secretName,
      contentType: "SAS token for ACR Transfer",
      provider: props.azurermProvider,
    });
    this.resource = resource;
    const vault = props.keyVault;
    deployer.secretIn(resource, {
      get rbac() {
        const model = vault.accessModel;
        if (model === KeyVaultAccessModel.RBAC) return true;
        return model === KeyVaultAccessModel.ACCESS_POLICY ? false : undefined;
      },
      get restricted() {
        return vault.networkPosture?.restrictsPublicEndpoint === true;
      },
    });
    this.secretUri = resource.versionlessId;
    this.secretResourceId = resource.resourceVersionlessId;
    this.secretKey = this.node.path;
    this.generatedFor = generatedFor;
  }

  /** Lets `principal` read this secret; the grant lives in this secret's stack when shared. */
  public grantRead(principal: GrantPrincipal, options: SecretReadGrantOptions = {}): TransferGrant {
    expectPrincipal(this, principal);
    expectShape(this, "options", options, "object", false);
    expectProvider(this, "options.azurermProvider", options?.azurermProvider);
    return grantReadOn(this, principal, options ?? {}, this);
  }

  /** Two new secrets of one name in one vault would overwrite each other's value. */
  private claimSecretName(vault: IKeyVaultRef, secretName: string): void {
    if (Token.isUnresolved(secretName)) return;
    const vaultKey = keyOf(this, vault.vaultKey, vault.keyVaultId);
    const first = claimName(this, NameKind.SECRET, vaultKey, secretName);
    if (first) {
      fail(this, "secretName", secretName, {
        problem: `is already a secret of the same vault, written by ${first}`,
        rule: "secret names are unique per vault (ignoring case): two secrets of one name overwrite each other's value",
        fix: "give one of the secrets another name, or let both pipelines use one secret",
      });
    }
  }
}
