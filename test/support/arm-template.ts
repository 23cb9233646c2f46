/**
 * A small evaluator for the ARM template expressions Microsoft's ACR Transfer templates use:
 * parameters, variables, concat, if, not, empty, equals, resourceId, reference, subscription
 * and resourceGroup, with property access. reference() returns fixed stand-ins.
 */
export interface TemplateContext {
  /** Parameter values (file values over template defaults). */
  readonly parameters: Record<string, unknown>;
  /** The template's variables. */
  readonly variables: Record<string, unknown>;
  /** Location resourceGroup() reports. */
  readonly resourceGroupLocation: string;
}

type Value = unknown;

/** Evaluates every expression in a template value, recursively. */
export function evaluate(value: Value, context: TemplateContext): Value {
  if (typeof value === "string") {
    return value.startsWith("[") && value.endsWith("]") && !value.startsWith("[[")
      ? new Parser(value.slice(1, -1), context).parseAll()
      : value;
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, context));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [String(evaluate(k, context)), evaluate(v, context)]),
    );
  }
  return value;
}

/** Parameter values: the parameter file's over the template's defaults. */
export function templateParameters(
  template: Record<string, any>,
  parameterFile: Record<string, any>,
  overrides: Record<string, unknown>,
  resourceGroupLocation: string,
): Record<string, unknown> {
  const context: TemplateContext = { parameters: {}, variables: {}, resourceGroupLocation };
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries<any>(template.parameters)) {
    if ("defaultValue" in spec) values[name] = evaluate(spec.defaultValue, context);
  }
  for (const [name, entry] of Object.entries<any>(parameterFile.parameters))
    values[name] = entry.value;
  return { ...values, ...overrides };
}

class Parser {
  private pos = 0;

  public constructor(
    private readonly text: string,
    private readonly context: TemplateContext,
  ) {}

  public parseAll(): Value {
    const value = this.expression();
    this.skipSpace();
    if (this.pos !== this.text.length) throw new Error(`trailing text in [${this.text}]`);
    return value;
  }

  private expression(): Value {
    this.skipSpace();
    let value: Value;
    if (this.text[this.pos] === "'") value = this.stringLiteral();
    else if (/[0-9]/.test(this.text[this.pos])) value = Number(this.match(/^[0-9]+/));
    else value = this.call();
    while (this.text[this.pos] === ".") {
      this.pos++;
      const property = this.match(/^[A-Za-z_][A-Za-z0-9_]*/);
      value = (value as Record<string, unknown>)[property];
    }
    return value;
  }

  private call(): Value {
    const name = this.match(/^[A-Za-z_][A-Za-z0-9_]*/);
    this.expect("(");
    const args: Value[] = [];
    this.skipSpace();
    while (this.text[this.pos] !== ")") {
      args.push(this.expression());
      this.skipSpace();
      if (this.text[this.pos] === ",") this.pos++;
    }
    this.expect(")");
    return this.apply(name, args);
  }

  private apply(name: string, args: Value[]): Value {
    switch (name) {
      case "parameters": // ARM parameter names ignore case
        return Object.entries(this.context.parameters).find(
          ([key]) => key.toLowerCase() === String(args[0]).toLowerCase(),
        )?.[1];
      case "variables":
        return evaluate(this.context.variables[args[0] as string], this.context);
      case "concat":
        return args.every(Array.isArray) ? args.flat() : args.join("");
      case "if":
        return args[0] ? args[1] : args[2];
      case "not":
        return !args[0];
      case "empty":
        return (
          args[0] === "" ||
          args[0] === undefined ||
          (Array.isArray(args[0]) && args[0].length === 0)
        );
      case "equals":
        return args[0] === args[1];
      case "resourceId":
        return `resourceId(${args.join(",")})`;
      case "reference":
        return referenceStandIn(String(args[0]));
      case "subscription":
        return { tenantId: "tenant-from-subscription" };
      case "resourceGroup":
        return { location: this.context.resourceGroupLocation };
      default:
        throw new Error(`unsupported template function ${name}()`);
    }
  }

  private stringLiteral(): string {
    this.expect("'");
    let out = "";
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (c === "'" && this.text[this.pos] === "'") {
        out += "'";
        this.pos++;
      } else if (c === "'") return out;
      else out += c;
    }
    throw new Error("unterminated string");
  }

  private match(pattern: RegExp): string {
    const m = pattern.exec(this.text.slice(this.pos));
    if (!m) throw new Error(`unexpected text at ${this.pos} in [${this.text}]`);
    this.pos += m[0].length;
    return m[0];
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c)
      throw new Error(`expected ${c} at ${this.pos} in [${this.text}]`);
    this.pos++;
  }

  private skipSpace(): void {
    while (this.text[this.pos] === " ") this.pos++;
  }
}

/** What reference() returns here: a vault's URI in the public cloud, an identity's principal. */
function referenceStandIn(target: string): Record<string, unknown> {
  const vault = /^resourceId\(Microsoft\.KeyVault\/vaults,(.+)\)$/.exec(target);
  if (vault) return { vaultUri: `https://${vault[1]}.vault.azure.net/` };
  return {
    principalId: "principal-from-reference",
    identity: { principalId: "principal-from-reference" },
  };
}
