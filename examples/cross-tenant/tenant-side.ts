import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Construct } from "constructs";
import {
  IRegistryRef,
  KeyVaultAccessModel,
  KeyVaultRef,
  NetworkDefaultAction,
  NetworkPosture,
  PipelineIdentity,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccountRef,
  TransferContainer,
  UserIdentity,
} from "../../lib";
import { ResourceType } from "../shared/azure-ids";
import { ExampleProviders } from "../shared/providers";
import { sasTokenVariable } from "../shared/sas-variable";
import { TenantSide, sideResourceId } from "./config";

/** Props of one tenant's resources. */
export interface TenantSideResourcesProps {
  /** Where the side lives. */
  readonly side: TenantSide;
  /** The side's providers, aliased and carrying its tenant_id. */
  readonly providers: ExampleProviders;
  /** Name of the SAS token's Terraform variable. */
  readonly sasVariableName: string;
  /** What the SAS token is for and which permissions it needs. */
  readonly sasUsage: string;
  /** Name of the Key Vault secret holding the token. */
  readonly secretName: string;
}

/**
 * What each tenant has of its own, since none of it crosses a tenant: a user-assigned identity
 * made in the tenant, the existing vault whose access policy names that identity, and a new
 * container in the tenant's storage account with a write-only SAS token secret. The network
 * postures the platform team states are checked at synth: the vault's firewall lets trusted
 * services through, the transfer account's public endpoint is open.
 */
export class TenantSideResources extends Construct {
  /** The side's registry. */
  public readonly registry: IRegistryRef;
  /** The identity the side's pipeline acts as. */
  public readonly identity: PipelineIdentity;
  /** The side's transfer container. */
  public readonly container: TransferContainer;
  /** The side's SAS token secret. */
  public readonly secret: SasTokenSecret;

  /** Declares the identity, the container and the secret; refers to the rest by ID. */
  public constructor(scope: Construct, id: string, props: TenantSideResourcesProps) {
    super(scope, id);
    const { side, providers } = props;
    this.registry = RegistryRef.fromRegistryId(
      this,
      "Registry",
      sideResourceId(side, ResourceType.REGISTRY, side.registryName),
      { location: side.location },
    );
    const identity = new UserAssignedIdentity(this, "Identity", {
      name: side.identityName,
      resourceGroupName: side.resourceGroup,
      location: side.location,
      provider: providers.azurerm,
    });
    this.identity = PipelineIdentity.userAssigned(UserIdentity.fromUserAssignedIdentity(identity));
    this.container = new TransferContainer(this, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(
        this,
        "StorageAccount",
        sideResourceId(side, ResourceType.STORAGE_ACCOUNT, side.storageAccountName),
        { networkPosture: NetworkPosture.open(), azurermProvider: providers.azurerm },
      ),
      containerName: side.containerName,
      azurermProvider: providers.azurerm,
    });
    this.secret = new SasTokenSecret(this, "Sas", {
      keyVault: KeyVaultRef.fromKeyVaultId(
        this,
        "KeyVault",
        sideResourceId(side, ResourceType.KEY_VAULT, side.keyVaultName),
        {
          accessModel: KeyVaultAccessModel.ACCESS_POLICY,
          // Each side's vault holds only its SAS token: an access policy on it grants nothing more.
          dedicatedToTransfer: true,
          dedicationReason: "holds only this side's SAS token, written by this stack",
          networkPosture: NetworkPosture.of({
            defaultAction: NetworkDefaultAction.DENY,
            trustedServicesBypass: true,
          }),
        },
      ),
      secretName: props.secretName,
      token: SasToken.fromVariable(
        sasTokenVariable(this, props.sasVariableName, props.sasUsage),
        1,
      ),
      azurermProvider: providers.azurerm,
    });
  }
}
