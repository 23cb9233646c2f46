import { Fn, TerraformVariable, Token } from "cdktf";
import { Construct } from "constructs";
import {
  ExportOption,
  ExportPipeline,
  IKeyVaultRef,
  IStorageAccountRef,
  IUserIdentity,
  ImportOption,
  ImportPipeline,
  PipelineIdentity,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccessMode,
  TransferContainer,
} from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";
import { LandingZoneRegistry } from "./config";

/** What every registry of the landing zone shares. */
export interface SharedTransferResources {
  /** The identity every pipeline acts as. */
  readonly identity: IUserIdentity;
  /** The vault every SAS token secret is written to. */
  readonly keyVault: IKeyVaultRef;
  /** The storage account every container is made in. */
  readonly storageAccount: IStorageAccountRef;
  /** Sensitive `map(string)` variable of SAS tokens, keyed `<key>-export` and `<key>-import`. */
  readonly sasTokens: TerraformVariable;
  /** Rotation version of every SAS token secret; raise it to write new tokens. */
  readonly sasTokenVersion: number;
}

/** Props of one registry's transfer setup. */
export interface RegistryTransferProps {
  /** The registry's entry in the landing-zone config. */
  readonly config: LandingZoneRegistry;
  /** What all registries share. */
  readonly shared: SharedTransferResources;
}

/** One registry's export and import pipelines, with their containers and secrets. */
export class RegistryTransfer extends Construct {
  /** The registry's entry in the landing-zone config. */
  public readonly config: LandingZoneRegistry;
  /** The registry's export pipeline (writes to `<key>-outbound`). */
  public readonly exportPipeline: ExportPipeline;
  /** The registry's import pipeline (reads from `<key>-inbound`, source trigger on). */
  public readonly importPipeline: ImportPipeline;

  /** Declares both pipelines for the registry in `props.config`. */
  public constructor(scope: Construct, id: string, props: RegistryTransferProps) {
    super(scope, id);
    const { config, shared } = props;
    this.config = config;
    const registry = RegistryRef.fromRegistryId(
      this,
      "Registry",
      exampleResourceId(config.resourceGroup, ResourceType.REGISTRY, config.registryName),
      { location: config.location },
    );
    const identity = PipelineIdentity.userAssigned(shared.identity);
    this.exportPipeline = new ExportPipeline(this, "Export", {
      registry,
      pipelineName: `export${config.key}`,
      container: this.container("Outbound", `${config.key}-outbound`, shared),
      storageAccess: this.storageAccess("ExportSas", `${config.key}-export`, config, shared),
      identity,
      options: [ExportOption.OVERWRITE_BLOBS, ExportOption.CONTINUE_ON_ERRORS],
    });
    this.importPipeline = new ImportPipeline(this, "Import", {
      registry,
      pipelineName: `import${config.key}`,
      container: this.container("Inbound", `${config.key}-inbound`, shared),
      storageAccess: this.storageAccess("ImportSas", `${config.key}-import`, config, shared),
      identity,
      options: [ImportOption.OVERWRITE_TAGS, ImportOption.CONTINUE_ON_ERRORS],
    });
  }

  private container(id: string, name: string, shared: SharedTransferResources): TransferContainer {
    return new TransferContainer(this, id, {
      storageAccount: shared.storageAccount,
      containerName: name,
    });
  }

  /** A secret in the shared vault in SAS mode (its token read from the map), else none. */
  private storageAccess(
    id: string,
    tokenKey: string,
    config: LandingZoneRegistry,
    shared: SharedTransferResources,
  ): StorageAccess {
    if (config.storageAccessMode !== StorageAccessMode.SAS_TOKEN) {
      return StorageAccess.fromMode(config.storageAccessMode);
    }
    const secret = new SasTokenSecret(this, id, {
      keyVault: shared.keyVault,
      secretName: `acr-${tokenKey}-sas`,
      // A map entry by index (var.x["key"]): no function is given a literal to fall back on.
      token: SasToken.fromValue(
        Token.asString(Fn.lookupNested(shared.sasTokens.value, [tokenKey])),
        shared.sasTokenVersion,
      ),
    });
    return StorageAccess.fromMode(config.storageAccessMode, secret);
  }
}
