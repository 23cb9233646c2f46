/**
 * The one seam between the library and the CDK core it is built on. Every file of `lib/`
 * reaches the core through this module; the architecture test refuses a direct import of the
 * framework anywhere else. The CDK Terrain flavor of the package is the same source with this
 * module (and `azurerm.ts` beside it) pointing at `cdktn` and `@cdktn/provider-azurerm`.
 */
export {
  App,
  AnnotationMetadataEntryType,
  Annotations,
  Aspects,
  DefaultTokenResolver,
  Fn,
  Lazy,
  LocalBackend,
  StringConcat,
  TerraformDataSource,
  TerraformElement,
  TerraformLocal,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Token,
  Tokenization,
  booleanToHclTerraform,
  numberToHclTerraform,
} from "cdktf";
export type { IAspect, IResolvable, ITerraformDependable, TerraformMetaArguments } from "cdktf";
export { invokeAspects } from "cdktf/lib/synthesize/synthesizer";

/**
 * The npm package of the CDK core this copy of the library is built on. The CDK Terrain build
 * rewrites it with the import specifiers above ("cdktn"): it names the flavor in messages.
 */
export const CORE_PACKAGE = "cdktf";
