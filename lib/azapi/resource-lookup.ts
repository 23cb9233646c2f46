import { TerraformProvider } from "../core/cdk";
import { Construct } from "constructs";
import { DataAzapiResource } from "./data-resource";

/**
 * Reads values of an existing ARM resource at plan time with `data.azapi_resource`, the way
 * Microsoft's templates use `reference()`. Created on first use, once per owner.
 */
export class ResourceLookup {
  private data?: DataAzapiResource;

  /** Describes the lookup; nothing is declared until a value is asked for. */
  public constructor(
    private readonly owner: Construct,
    private readonly type: string,
    private readonly resourceId: string,
    private readonly paths: Readonly<Record<string, string>>,
    private readonly provider?: TerraformProvider,
  ) {}

  /** The value exported under `key` (one of the paths given). */
  public value(key: string): string {
    this.data ??= new DataAzapiResource(this.owner, "Lookup", {
      type: this.type,
      resourceId: this.resourceId,
      responseExportValues: { ...this.paths },
      provider: this.provider,
    });
    return this.data.outputValue(key);
  }
}
