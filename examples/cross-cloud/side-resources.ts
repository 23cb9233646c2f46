import { Construct } from "constructs";
import {
  IRegistryRef,
  KeyVaultAccessModel,
  KeyVaultRef,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import { ExampleProviders } from "../shared/providers";
import { sasTokenVariable } from "../shared/sas-variable";
import { CloudSide, keyVaultId, registryId, storageAccountId } from "./config";

/** Props of one side's shared resources. */
export interface SideResourcesProps {
  /** Where the side lives. */
  readonly side: CloudSide;
  /** The side's aliased providers. */
  readonly providers: ExampleProviders;
  /** Name of the SAS token's Terraform variable. */
  readonly sasVariableName: string;
  /** What the SAS token is for and which permissions it needs. */
  readonly sasUsage: string;
  /** Name of the Key Vault secret holding the token. */
  readonly secretName: string;
}

/**
 * What both sides have in common: the existing registry, a new container in the existing
 * storage account and a write-only SAS token secret in the existing vault, all in the side's
 * cloud (so URLs get its suffixes) and through its aliased providers.
 */
export class SideResources extends Construct {
  /** The side's registry. */
  public readonly registry: IRegistryRef;
  /** The side's transfer container. */
  public readonly container: TransferContainer;
  /** The side's SAS token secret. */
  public readonly secret: SasTokenSecret;

  /** Declares the container and the secret, and refers to the rest by ID. */
  public constructor(scope: Construct, id: string, props: SideResourcesProps) {
    super(scope, id);
    const { side, providers } = props;
    this.registry = RegistryRef.fromRegistryId(this, "Registry", registryId(side), {
      location: side.location,
    });
    this.container = new TransferContainer(this, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(
        this,
        "StorageAccount",
        storageAccountId(side),
        { cloud: side.cloud, azurermProvider: providers.azurerm },
      ),
      containerName: side.containerName,
      azurermProvider: providers.azurerm,
    });
    this.secret = new SasTokenSecret(this, "Sas", {
      // Each side's vault holds only its SAS token: an access policy on it grants nothing more.
      keyVault: KeyVaultRef.fromKeyVaultId(this, "KeyVault", keyVaultId(side), {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
        cloud: side.cloud,
        dedicatedToTransfer: true,
        dedicationReason: "holds only this side's SAS token, written by this stack",
      }),
      secretName: props.secretName,
      token: SasToken.fromVariable(
        sasTokenVariable(this, props.sasVariableName, props.sasUsage),
        1,
      ),
      azurermProvider: providers.azurerm,
    });
  }
}
