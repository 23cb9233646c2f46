import { DataAzurermKeyVault, KeyVault } from "../core/azurerm";
import { expectPosture } from "../network/posture-checks";
import { Token } from "../core/cdk";
import { lastSegment } from "../private/token-ids";
import { markCloud } from "../private/defaulted-cloud";
import { Construct, IConstruct } from "constructs";
import { AzureCloud } from "../arm/clouds";
import { reasonRule } from "../arm/reasons";
import { KEY_VAULT_ID, parseResourceId, resourceIdRule } from "../arm/resource-ids";
import { keyVaultPosture } from "../network/azurerm-posture";
import { NetworkPosture } from "../network/network-posture";
import { check, expectConstructOf, expectEnum, expectShape, fail } from "../validation/check";

/** How a vault decides who may read its secrets. */
export enum KeyVaultAccessModel {
  /** Vault access policies (azurerm's default, and the seed walkthrough's). */
  ACCESS_POLICY = "AccessPolicy",
  /** Azure RBAC (`rbac_authorization_enabled = true`). */
  RBAC = "Rbac",
}

/** A Key Vault that holds SAS token secrets. */
export interface IKeyVaultRef {
  /** ARM resource ID of the vault. */
  readonly keyVaultId: string;
  /** Vault name (a token when the vault is defined in this app with a computed name). */
  readonly vaultName: string;
  /** How the vault authorizes secret reads. */
  readonly accessModel: KeyVaultAccessModel;
  /** The cloud the vault is in. */
  readonly cloud: AzureCloud;
  /**
   * A stable key that tells vaults apart within one app (one access policy per principal).
   * @default derived from keyVaultId
   */
  readonly vaultKey?: string;
  /**
   * True when the vault holds only this app's transfer secrets. An access policy gives `Get` on
   * every secret of a vault, so a pipeline identity granted one can read them all: the library
   * warns on an access-policy vault that is not dedicated, and on one that holds other secrets
   * the app declares (any `azurerm_key_vault_secret`), dedicated or not. One reference to the
   * vault that says so is enough: the mark holds for every secret of the app in the vault.
   * @default false: no vault is assumed dedicated, not even one declared in this app
   */
  readonly dedicatedToTransfer?: boolean;
  /**
   * Why the vault is dedicated to transfer (who keeps other secrets out of it), for reviewers.
   * @default none (the vault is not dedicated)
   */
  readonly dedicationReason?: string;
  /**
   * How the vault admits network traffic; SAS token pipelines check at synth that ACR Transfer
   * can read their secret through it (docs/networking.md).
   * @default unknown: not checked
   */
  readonly networkPosture?: NetworkPosture;
}

/** Options shared by every way of referring to a vault. */
export interface KeyVaultRefOptions {
  /**
   * The cloud the vault is in.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
  /**
   * The vault holds only this app's transfer secrets (see IKeyVaultRef.dedicatedToTransfer);
   * needs `dedicationReason`.
   * @default false
   */
  readonly dedicatedToTransfer?: boolean;
  /**
   * Why the vault is dedicated: who keeps other secrets out of it, and how. Required with
   * `dedicatedToTransfer: true`, at least 10 visible characters.
   * @default none
   */
  readonly dedicationReason?: string;
  /**
   * The vault's network posture, as the team that manages it states it. For a vault the app
   * declares, it replaces what is read from the resource (e.g. rules that Azure Policy sets).
   * @default read from the resource for `fromKeyVault`; otherwise unknown, and not checked
   */
  readonly networkPosture?: NetworkPosture;
}

/** Options for a vault whose access model cannot be read from the app. */
export interface KeyVaultIdOptions extends KeyVaultRefOptions {
  /** How the vault authorizes secret reads: it cannot be read from an ID, so say it. */
  readonly accessModel: KeyVaultAccessModel;
}

/** Ways to refer to a Key Vault, owned or not. */
export class KeyVaultRef {
  /** A vault defined in this app; its access model is read from `rbac_authorization_enabled`. */
  public static fromKeyVault(vault: KeyVault, options: KeyVaultRefOptions = {}): IKeyVaultRef {
    expectConstructOf(
      "KeyVaultRef.fromKeyVault",
      "vault",
      vault,
      "azurerm_key_vault",
      "pass an azurerm KeyVault of this app, or use KeyVaultRef.fromKeyVaultId",
    );
    expectShape(vault, "options", options, "object", false);
    const rbac = vault.rbacAuthorizationEnabledInput ?? vault.enableRbacAuthorizationInput;
    // From a config, "true" is a string Terraform reads as true: refused, never read as false.
    if (typeof rbac === "string") expectShape(vault, "rbac_authorization_enabled", rbac, "boolean");
    const dedication = checkDedication(vault, options);
    expectPosture(vault, "networkPosture", options?.networkPosture);
    return markCloud<IKeyVaultRef>(
      {
        keyVaultId: vault.id,
        vaultName: vault.nameInput ?? vault.name,
        accessModel: rbac === true ? KeyVaultAccessModel.RBAC : KeyVaultAccessModel.ACCESS_POLICY,
        cloud:
          expectEnum(vault, "cloud", options?.cloud, AzureCloud, "AzureCloud", false) ??
          AzureCloud.PUBLIC,
        vaultKey: vault.node.path,
        ...dedication,
        // Read when asked (at synth), so that settings made after the reference count.
        get networkPosture(): NetworkPosture {
          return options?.networkPosture ?? keyVaultPosture(vault);
        },
      },
      options?.cloud === undefined,
    );
  }

  /** A vault read with azurerm's `DataAzurermKeyVault`. */
  public static fromDataKeyVault(
    vault: DataAzurermKeyVault,
    options: KeyVaultIdOptions,
  ): IKeyVaultRef {
    expectConstructOf(
      "KeyVaultRef.fromDataKeyVault",
      "vault",
      vault,
      "azurerm_key_vault",
      "pass an azurerm DataAzurermKeyVault of this app, or use KeyVaultRef.fromKeyVaultId",
    );
    const checked = importOptions(vault, options);
    return markCloud<IKeyVaultRef>(
      {
        keyVaultId: vault.id,
        vaultName: vault.nameInput ?? vault.name,
        accessModel: checked.accessModel,
        cloud: checked.cloud ?? AzureCloud.PUBLIC,
        vaultKey: vault.node.path,
        ...checkDedication(vault, checked),
        networkPosture: checked.networkPosture,
      },
      checked.cloud === undefined,
    );
  }

  /** A vault made elsewhere, by ARM resource ID (validated unless it is a token). */
  public static fromKeyVaultId(
    scope: Construct,
    id: string,
    keyVaultId: string,
    options: KeyVaultIdOptions,
  ): IKeyVaultRef {
    return new ExistingKeyVault(scope, id, keyVaultId, options);
  }

  private constructor() {}
}

class ExistingKeyVault extends Construct implements IKeyVaultRef {
  public readonly keyVaultId: string;
  public readonly vaultName: string;
  public readonly accessModel: KeyVaultAccessModel;
  public readonly cloud: AzureCloud;
  public readonly vaultKey: string;
  public readonly dedicatedToTransfer: boolean;
  public readonly dedicationReason?: string;
  public readonly networkPosture?: NetworkPosture;

  public constructor(scope: Construct, id: string, keyVaultId: string, options: KeyVaultIdOptions) {
    super(scope, id);
    expectShape(this, "keyVaultId", keyVaultId, "string");
    this.keyVaultId = check(this, "keyVaultId", keyVaultId, resourceIdRule(KEY_VAULT_ID));
    options = importOptions(this, options);
    const parsed = Token.isUnresolved(keyVaultId)
      ? undefined
      : parseResourceId(keyVaultId, KEY_VAULT_ID);
    this.vaultName = parsed?.name ?? lastSegment(keyVaultId);
    this.accessModel = options.accessModel;
    this.cloud = options.cloud ?? AzureCloud.PUBLIC;
    markCloud(this, options.cloud === undefined);
    this.vaultKey = parsed ? keyVaultId.toLowerCase() : this.node.path;
    const dedication = checkDedication(this, options);
    this.dedicatedToTransfer = dedication.dedicatedToTransfer;
    this.dedicationReason = dedication.dedicationReason;
    this.networkPosture = options.networkPosture;
  }
}

/**
 * The options a vault given by ID or data source needs, checked: the access model cannot be read
 * from an ID, and a config's "rbac" must not be read as access policies.
 */
function importOptions(scope: IConstruct, options: KeyVaultIdOptions): KeyVaultIdOptions {
  const fix =
    "pass { accessModel: KeyVaultAccessModel.ACCESS_POLICY } or { accessModel: KeyVaultAccessModel.RBAC }";
  expectShape(scope, "options", options, "object", true, fix);
  expectEnum(scope, "accessModel", options.accessModel, KeyVaultAccessModel, "KeyVaultAccessModel");
  expectEnum(scope, "cloud", options.cloud, AzureCloud, "AzureCloud", false);
  expectPosture(scope, "networkPosture", options.networkPosture);
  return options;
}

/** How to mend a missing or blank dedication reason. */
const DEDICATION_FIX =
  'say who keeps other secrets out of this vault and how (e.g. "transfer-only vault; Azure Policy denies other secrets"), or use an RBAC vault';

/**
 * `dedicatedToTransfer` and its reason, checked: no vault is assumed dedicated, and marking one
 * needs a reason of 10 visible characters, since it silences the vault-wide read warning.
 */
function checkDedication(
  scope: IConstruct,
  options: KeyVaultRefOptions | undefined,
): { dedicatedToTransfer: boolean; dedicationReason?: string } {
  const dedicated = options?.dedicatedToTransfer ?? undefined;
  expectShape(scope, "dedicatedToTransfer", dedicated, "boolean", false);
  const reason = options?.dedicationReason ?? undefined;
  expectShape(scope, "dedicationReason", reason, "string", false, DEDICATION_FIX);
  if (dedicated !== true) return { dedicatedToTransfer: false };
  if (reason === undefined) {
    fail(scope, "dedicationReason", undefined, {
      problem: "is not set",
      rule: "a vault marked dedicatedToTransfer, which silences the warning that an access policy reads every secret of it, carries a reason",
      fix: DEDICATION_FIX,
    });
  }
  check(
    scope,
    "dedicationReason",
    reason,
    reasonRule("a vault marked dedicatedToTransfer", DEDICATION_FIX),
  );
  return { dedicatedToTransfer: true, dedicationReason: reason };
}
