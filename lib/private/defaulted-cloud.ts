/** Property that marks a reference whose cloud was not given (non-enumerable, so never shown). */
const DEFAULTED = "_cloudDefaulted";

/**
 * Records on `ref` whether its cloud was taken by default (AzureCloud.PUBLIC, when the caller
 * gave none), so that a cloud mismatch can name the prop to set rather than advise moving the
 * resource. A property on the object itself, so that any copy of the library reads it.
 */
export function markCloud<T extends object>(ref: T, defaulted: boolean): T {
  Object.defineProperty(ref, DEFAULTED, { value: defaulted, configurable: true });
  return ref;
}

/** Whether `ref`'s cloud was taken by default (false when unknown: a reference made elsewhere). */
export function cloudDefaulted(ref: unknown): boolean {
  return (ref as Record<string, unknown> | undefined)?.[DEFAULTED] === true;
}
