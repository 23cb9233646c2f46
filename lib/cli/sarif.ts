import { readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { SynthesizedStack } from "../model/synth-output";
import { withoutControls } from "./printable";
import { Review } from "./review";

/** Rule IDs of what is not a policy rule: annotations of the synth and plan red flags. */
export const SARIF_RULES: Readonly<
  Record<string, { readonly text: string; readonly help: string }>
> = {
  "AcrTransferReview/SynthAnnotation": {
    text: "An annotation of the synth (an error, warning or info a construct added)",
    help: "Read the message on the construct; fix the construct's props, or accept the note.",
  },
  "AcrTransferReview/RunRuns": {
    text: "A pipeline run runs or re-runs when the plan is applied",
    help: "Check that the transfer is meant to run now: a run copies images when applied.",
  },
  "AcrTransferReview/PipelineChanges": {
    text: "A pipeline is replaced, destroyed or forgotten by the plan",
    help: "A replaced pipeline gets a new system-assigned identity and so new grants; check runs that use it.",
  },
  "AcrTransferReview/GrantRemoved": {
    text: "A grant (access policy or role assignment) is removed, replaced, reduced or forgotten",
    help: "Runs fail while a pipeline's identity lacks its grant; check that the removal is meant.",
  },
  "AcrTransferReview/SecretChanges": {
    text: "A SAS token secret gets a new write-only value or is deleted",
    help: "Check that the token is rotated on purpose and that the new one is valid for the container.",
  },
};
const FLAG_RULES: Readonly<Record<string, string>> = {
  run: "AcrTransferReview/RunRuns",
  pipeline: "AcrTransferReview/PipelineChanges",
  grant: "AcrTransferReview/GrantRemoved",
  secret: "AcrTransferReview/SecretChanges",
};
const ANNOTATION_LEVELS: ReadonlyMap<string, string> = new Map([
  ["error", "error"],
  ["warning", "warning"],
  ["info", "note"],
]);

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: string };
}

/**
 * The review as SARIF 2.1.0 for code scanning: policy findings (suppressed ones with their
 * suppression and reason), annotations of the synth and plan red flags, each at the stack's
 * cdk.tf.json (relative to the current directory) and its construct path or address.
 */
export function renderSarif(review: Review, stacks: readonly SynthesizedStack[]): string {
  const rules = new Map<string, SarifRule>();
  const indexes = new Map<string, number>();
  const rule = (id: string, text: string, help: string, level: string): number => {
    if (!indexes.has(id)) {
      indexes.set(id, rules.size);
      rules.set(id, {
        id,
        shortDescription: { text },
        fullDescription: { text },
        help: { text: help },
        defaultConfiguration: { level },
      });
    }
    return indexes.get(id)!;
  };
  const fileOf = new Map(stacks.map((s) => [s.name, uriOf(s)]));
  const results: object[] = [];
  for (const stack of review.stacks) {
    const uri = fileOf.get(stack.name) ?? "cdk.tf.json";
    const at = (name: string, kind: string) => [
      {
        physicalLocation: { artifactLocation: { uri } },
        logicalLocations: [{ fullyQualifiedName: name || stack.name, kind }],
      },
    ];
    for (const r of stack.policy?.rules ?? []) rule(r.ruleId, r.message, r.fix, level(r.level));
    for (const f of stack.policy?.findings ?? []) {
      const ruleIndex = rule(f.ruleId, f.ruleId, f.ruleId, level(f.level));
      results.push({
        ruleId: f.ruleId,
        ruleIndex,
        level: level(f.level),
        message: { text: `${f.detail} (stack ${stack.name})` },
        locations: at(f.path, "resource"),
        partialFingerprints: {
          "acrTransferFinding/v1": `${stack.name}|${f.ruleId}|${f.path}`,
        },
        ...(f.suppressedBy === undefined
          ? {}
          : {
              suppressions: [
                {
                  kind: "inSource",
                  justification: `${f.reason ?? ""} (suppressed at ${f.suppressedBy || "app"})`,
                },
              ],
            }),
      });
    }
    for (const a of stack.annotations) {
      const id = "AcrTransferReview/SynthAnnotation";
      const ruleIndex = rule(id, SARIF_RULES[id].text, SARIF_RULES[id].help, "warning");
      results.push({
        ruleId: id,
        ruleIndex,
        level: ANNOTATION_LEVELS.get(a.level) ?? "note",
        message: { text: a.message || "(no message)" },
        locations: at(a.path, "resource"),
      });
    }
    for (const flag of stack.redFlags) {
      const id = FLAG_RULES[flag.kind] ?? "AcrTransferReview/RunRuns";
      const ruleIndex = rule(id, SARIF_RULES[id].text, SARIF_RULES[id].help, "warning");
      results.push({
        ruleId: id,
        ruleIndex,
        level: "warning",
        message: { text: `${flag.summary} (${flag.actions}; stack ${stack.name})` },
        locations: at(flag.address, "resource"),
      });
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "cdktf-acr-transfer review",
            informationUri: "https://www.npmjs.com/package/cdktf-acr-transfer",
            semanticVersion: packageVersion(),
            rules: [...rules.values()],
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, (_key, value) => (typeof value === "string" ? withoutControls(value) : value), 2)}\n`;
}

function level(value: string): string {
  return value === "error" ? "error" : value === "warning" ? "warning" : "note";
}

/** The stack's cdk.tf.json as a relative URI from the current directory. */
function uriOf(stack: SynthesizedStack): string {
  const file = resolve(stack.workingDirectory, "cdk.tf.json");
  return relative(process.cwd(), file).split(sep).map(encodeURIComponent).join("/");
}

/** The package's version, from its package.json. */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}
