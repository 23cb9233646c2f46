import { TransferSide } from "../arm/options";
import { SharedThing } from "../model/cross-stack";
import { printable } from "./printable";
import { Grant } from "../model/transfer-model";
import { StackNames } from "./names";
import { CopyRow } from "./review";

/**
 * A Mermaid flowchart of one stack: each registry a subgraph holding its pipelines; the
 * containers they write (export) or read (import); the identities that act for them, with an
 * edge per grant to what it is on (container, vault, secret); and blob copies known from runs,
 * to containers of other stacks drawn as nodes naming that stack.
 */
export function flowchart(
  stack: string,
  names: StackNames,
  copies: readonly CopyRow[],
  shared: readonly SharedThing[] = [],
): string {
  const model = names.transfer;
  const chart = new Chart();
  const identityKeys = new Set(model.identities.map((identity) => identity.key));
  const sharedIdentities = new Map<string, SharedThing>();
  for (const thing of shared) {
    if (identityKeys.has(`identity:ref:${thing.address}`)) {
      sharedIdentities.set(`identity:ref:${thing.address}`, thing);
      continue;
    }
    const kind = thing.address
      .replace(/^data\./, "")
      .split(".")[0]
      .replace(/^azurerm_/, "")
      .replace(/_/g, " ");
    chart.node(
      `shared:${thing.address}`,
      "H",
      [kind, thing.name ?? thing.address, `shared with ${thing.usedBy.join(", ")}`],
      "stadium",
    );
  }
  if (model.pipelines.length === 0 && model.grants.length === 0) {
    if (shared.length === 0)
      chart.node("none", "none", ["no ACR Transfer pipelines in this stack"], "box");
    return chart.render();
  }
  const byRegistry = new Map<string, (typeof model.pipelines)[number][]>();
  for (const p of model.pipelines) {
    const same = byRegistry.get(p.registry);
    if (same) same.push(p);
    else byRegistry.set(p.registry, [p]);
  }
  for (const [registry, pipelines] of byRegistry) {
    chart.open(`registry:${registry}`, "R", `registry ${registry}`);
    for (const p of pipelines) {
      const mode = p.storageAccessMode ?? "unknown storage access";
      chart.node(`pipeline:${p.address}`, "P", [`${p.side} pipeline`, p.name, mode], "box");
    }
    chart.close();
  }
  for (const p of model.pipelines) {
    const pipeline = chart.id(`pipeline:${p.address}`);
    if (p.container) {
      const container = containerNode(chart, StackNames.container(p.container));
      if (p.side === TransferSide.EXPORT) chart.edge(pipeline, "-->", "writes blobs", container);
      else chart.edge(container, "-->", "reads blobs", pipeline);
    }
  }
  for (const identity of model.identities) {
    const kind =
      identity.kind === "user"
        ? "user-assigned identity"
        : identity.kind === "system"
          ? "system-assigned identity"
          : "principal";
    const name =
      identity.kind === "system"
        ? identity.name.replace(/^system identity of /, "of ")
        : identity.name;
    const sharedWith = sharedIdentities.get(identity.key)?.usedBy;
    const label = sharedWith ? [kind, name, `shared with ${sharedWith.join(", ")}`] : [kind, name];
    const node = chart.node(`identity:${identity.key}`, "I", label, "stadium");
    for (const address of identity.actsFor) {
      chart.edge(node, "-.->", "acts for", chart.id(`pipeline:${address}`));
    }
  }
  for (const grant of model.grants) {
    const holder = chart.id(`identity:${grant.principal}`);
    chart.edge(holder, "==>", StackNames.access(grant), grantTarget(chart, grant));
  }
  for (const copy of copies) {
    const from =
      copy.fromStack === stack
        ? containerNode(chart, copy.fromContainer)
        : otherStack(chart, copy.fromContainer, copy.fromStack);
    const to =
      copy.toStack === stack
        ? containerNode(chart, copy.toContainer)
        : otherStack(chart, copy.toContainer, copy.toStack);
    chart.edge(from, "-.->", `blob ${copy.blob}, copied outside Terraform`, to);
  }
  return chart.render();
}

function containerNode(chart: Chart, container: string): string {
  return chart.node(`container:${container}`, "C", ["container", container], "cylinder");
}

function otherStack(chart: Chart, container: string, stack: string): string {
  return chart.node(
    `other:${stack}:${container}`,
    "O",
    ["container", container, `in stack ${stack}`],
    "cylinder",
  );
}

function grantTarget(chart: Chart, grant: Grant): string {
  const target = grant.target;
  if (target.kind === "access-policy")
    return chart.node(`vault:${target.vault}`, "V", ["Key Vault", target.vault], "cylinder");
  const scope = target.scope;
  if (scope.kind === "container")
    return containerNode(chart, StackNames.container(scope.container));
  if (scope.kind === "vault")
    return chart.node(`vault:${scope.vault}`, "V", ["Key Vault", scope.vault], "cylinder");
  if (scope.kind === "secret") {
    return chart.node(
      `secret:${scope.vault}/${scope.secret}`,
      "S",
      ["secret", scope.secret, `in vault ${scope.vault}`],
      "cylinder",
    );
  }
  return chart.node(`scope:${grant.scope}`, "X", ["scope", grant.scope], "box");
}

const SHAPES = { box: ["[", "]"], cylinder: ["[(", ")]"], stadium: ["([", "])"] } as const;

/** Mermaid text with node IDs of its own (R1, P2, ...), so no name can break the syntax. */
class Chart {
  private readonly ids = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly nodes: string[] = [];
  private readonly edges: string[] = [];
  private indent = "  ";

  /** The ID of a node by key, made when first asked for. */
  public id(key: string, prefix = "N"): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      const count = (this.counts.get(prefix) ?? 0) + 1;
      this.counts.set(prefix, count);
      id = `${prefix}${count}`;
      this.ids.set(key, id);
    }
    return id;
  }

  /** Declares a node once; later calls with the same key return its ID. */
  public node(
    key: string,
    prefix: string,
    label: readonly string[],
    shape: keyof typeof SHAPES,
  ): string {
    const known = this.ids.has(key);
    const id = this.id(key, prefix);
    if (!known) {
      const [open, close] = SHAPES[shape];
      this.nodes.push(
        `${this.indent}${id}${open}"${label.map(mermaidText).join("<br/>")}"${close}`,
      );
    }
    return id;
  }

  /** Opens a subgraph; the nodes declared until close() are in it. */
  public open(key: string, prefix: string, title: string): void {
    this.nodes.push(`  subgraph ${this.id(key, prefix)}["${mermaidText(title)}"]`);
    this.indent = "    ";
  }

  /** Closes the subgraph. */
  public close(): void {
    this.nodes.push("  end");
    this.indent = "  ";
  }

  /** An edge with a label. */
  public edge(from: string, arrow: string, label: string, to: string): void {
    this.edges.push(`  ${from} ${arrow}|"${mermaidText(label)}"| ${to}`);
  }

  /** The flowchart. */
  public render(): string {
    return ["flowchart LR", ...this.nodes, ...this.edges].join("\n");
  }
}

/**
 * Text safe inside a quoted Mermaid label: printable (no control characters, line breaks
 * marked), and every ASCII character but letters, digits, space and `.,:()-_/` as Mermaid's
 * entity code (`#35;`), so no value can close the label or the fence, or start a directive
 * (`%%{`), a comment (`%%`), a click line, a class, Markdown (a backtick) or HTML.
 */
export function mermaidText(value: string): string {
  return printable(value).replace(
    /[^A-Za-z0-9 .,:()_/\u0080-\uffff-]/g,
    (c) => `#${c.charCodeAt(0)};`,
  );
}
