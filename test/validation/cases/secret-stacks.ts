import { Fn, TerraformStack } from "cdktf";
import {
  ImportOption,
  KeyVaultAccessModel,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../../lib";
import * as ids from "../../support/ids";
import {
  exportPipeline,
  exportRun,
  importPipeline,
  importRun,
  ownedContainer,
  sensitiveVariable,
  vault,
} from "../../support/pipelines";
import { newStack } from "../../support/new-stack";

/** A stack on one secret path of the library, for the secret-hygiene test. */
export interface SecretStack {
  /** The secret path, as the test title. */
  readonly name: string;
  /** Builds the stack. */
  readonly build: () => TerraformStack;
}

const START = "2026-01-01T00:00:00Z";
const EXPIRY = "2099-01-01T00:00:00Z";

/** A new secret "test/Secret" in "test/Vault" holding `token`, used by a pipeline and a run. */
function withSecret(
  side: "export" | "import",
  token: (stack: TerraformStack, container: TransferContainer) => SasToken,
) {
  return () => {
    const stack = newStack("test", { providers: true });
    const container = ownedContainer(stack);
    const secret = new SasTokenSecret(stack, "Secret", {
      keyVault: vault(stack),
      secretName: `acr${side}sas`,
      token: token(stack, container),
    });
    const storageAccess = StorageAccess.sasToken(secret);
    if (side === "export") {
      exportRun(stack, { pipeline: exportPipeline(stack, { container, storageAccess }) });
    } else {
      const options = [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS];
      importRun(stack, { pipeline: importPipeline(stack, { container, storageAccess, options }) });
    }
    return stack;
  };
}

/** Every way the library comes by a SAS token secret. */
export const SECRET_STACKS: readonly SecretStack[] = [
  {
    name: "write-only, from a sensitive variable",
    build: withSecret("export", (s) =>
      SasToken.fromVariable(sensitiveVariable(s, "export_sas"), 2),
    ),
  },
  {
    name: "write-only, from a function of a sensitive variable",
    build: withSecret("import", (s) =>
      SasToken.fromValue(Fn.trimspace(sensitiveVariable(s, "import_sas").stringValue), 1),
    ),
  },
  {
    name: "generated for export",
    build: withSecret("export", (_s, container) =>
      SasToken.generateForExport({
        container,
        start: START,
        expiry: EXPIRY,
        allowLongLifetime: true,
      }),
    ),
  },
  {
    name: "generated for import, with delete",
    build: withSecret("import", (_s, container) =>
      SasToken.generateForImport({
        container,
        start: START,
        expiry: EXPIRY,
        allowLongLifetime: true,
        allowDelete: true,
      }),
    ),
  },
  {
    name: "existing, by URI",
    build: () => {
      const stack = newStack("test", { providers: true });
      const secret = SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, {
        keyVault: vault(stack),
      });
      exportRun(stack, {
        pipeline: exportPipeline(stack, { storageAccess: StorageAccess.sasToken(secret) }),
      });
      return stack;
    },
  },
  {
    name: "existing, by resource ID",
    build: () => {
      const stack = newStack("test", { providers: true });
      const secret = SasTokenSecret.fromSecretResourceId(
        stack,
        "Secret",
        `${ids.VAULT_ID}/secrets/acrimportsas`,
        { accessModel: KeyVaultAccessModel.RBAC },
      );
      importRun(stack, {
        pipeline: importPipeline(stack, { storageAccess: StorageAccess.sasToken(secret) }),
      });
      return stack;
    },
  },
];
