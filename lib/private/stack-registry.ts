import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

const registries = new WeakMap<TerraformStack, Map<string, unknown>>();

/**
 * A per-stack map from keys to the first thing registered under them: grants made once per
 * (vault, principal), names claimed once per registry.
 */
export function stackRegistry(scope: IConstruct): Map<string, unknown> {
  const stack = TerraformStack.of(scope);
  let map = registries.get(stack);
  if (!map) {
    map = new Map();
    registries.set(stack, map);
  }
  return map;
}

/** Registers `value` under `key` unless something is there already; returns what is there. */
export function registerOnce<T>(scope: IConstruct, key: string, create: () => T): T {
  const map = stackRegistry(scope);
  if (!map.has(key)) map.set(key, create());
  return map.get(key) as T;
}
