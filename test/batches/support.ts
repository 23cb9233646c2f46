/** `n` distinct, well-formed references: samples/app0:v1, samples/app1:v1, ... */
export function images(n: number, prefix = "samples/app"): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}:v1`);
}
