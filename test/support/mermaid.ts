import { Window } from "happy-dom";

let parse: Promise<(text: string) => Promise<unknown>> | undefined;

/**
 * Mermaid's own parser (mermaid.parse), which throws on text Mermaid cannot draw. Mermaid
 * sanitizes labels with DOMPurify, which needs a window: happy-dom provides one.
 */
export function parseMermaid(text: string): Promise<unknown> {
  parse ??= (async () => {
    const global = globalThis as { window?: unknown };
    global.window ??= new Window();
    const { default: mermaid } = await import("mermaid");
    return (diagram: string) => mermaid.parse(diagram);
  })();
  return parse.then((p) => p(text));
}
