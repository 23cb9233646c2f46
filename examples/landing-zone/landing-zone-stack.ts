import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import {
  KeyVaultAccessModel,
  KeyVaultRef,
  RelativeLocalBackend,
  StorageAccountRef,
  UserIdentity,
} from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";
import { addProviders } from "../shared/providers";
import { LANDING_ZONE_REGISTRIES } from "./config";
import { applyLandingZonePolicy } from "./policy";
import { TransferLandingZone } from "./transfer-landing-zone";

const HUB_LOCATION = "eastus";

/**
 * A platform stack that owns the transfer hub (resource group, storage account, identity) and
 * drops the transfer constructs in beside it for every registry of the landing zone.
 */
export class LandingZoneStack extends TerraformStack {
  /** The transfer layer. */
  public readonly transfer: TransferLandingZone;
  /** The identity every pipeline acts as. */
  public readonly identity: UserAssignedIdentity;

  /** Declares the hub and the pipelines of every registry in LANDING_ZONE_REGISTRIES. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    addProviders(this);

    const hub = new ResourceGroup(this, "Hub", {
      name: "rg-acr-transfer-hub",
      location: HUB_LOCATION,
    });
    this.identity = new UserAssignedIdentity(this, "TransferIdentity", {
      name: "id-acr-transfer",
      resourceGroupName: hub.name,
      location: HUB_LOCATION,
    });
    const storage = new StorageAccount(this, "TransferStorage", {
      name: "contosoxferhub",
      resourceGroupName: hub.name,
      location: HUB_LOCATION,
      accountTier: "Standard",
      accountReplicationType: "ZRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      // SAS-mode registries use tokens signed with the account key, so shared keys stay on.
      sharedAccessKeyEnabled: true,
    });
    const sasTokens = new TerraformVariable(this, "sas_tokens", {
      type: "map(string)",
      sensitive: true,
      nullable: false,
      description:
        "SAS tokens of the SAS-mode registries, keyed <key>-export (read, add, write, list) and " +
        "<key>-import (read, list), with a leading '?', as Microsoft's walkthrough stores it. Set TF_VAR_sas_tokens; never commit it.",
    });

    this.transfer = new TransferLandingZone(this, "Transfer", {
      registries: LANDING_ZONE_REGISTRIES,
      identity: UserIdentity.fromUserAssignedIdentity(this.identity),
      // The hub vault belongs to the security team: referred to, not managed, here. It holds
      // other teams' secrets too, so it uses RBAC: each pipeline's identity gets Key Vault
      // Secrets User on its own SAS token secret only (an access policy would give it Get on
      // every secret of the vault).
      keyVault: KeyVaultRef.fromKeyVaultId(
        this,
        "HubVault",
        exampleResourceId("rg-security-hub", ResourceType.KEY_VAULT, "kv-contoso-hub"),
        { accessModel: KeyVaultAccessModel.RBAC },
      ),
      storageAccount: StorageAccountRef.fromStorageAccount(storage),
      sasTokens,
      sasTokenVersion: 1,
    });
    applyLandingZonePolicy(this, this.transfer);
  }
}
