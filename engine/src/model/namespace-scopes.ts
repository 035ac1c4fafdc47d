/**
 * Namespace prefixes in scope while walking the tags: one frame per open
 * element holding only what it declares, looked up innermost first (depth
 * is bounded by the scan, so a lookup is too; copying scopes instead would
 * let one element with many declarations make every child expensive).
 */
export class NamespaceScopes {
  private readonly frames: ReadonlyMap<string, string>[] = [];

  constructor(private readonly predeclared: ReadonlyMap<string, string>) {}

  /** The URI of a prefix ('' for the default namespace), looking at the open elements and `own` first. */
  resolve(prefix: string, own: ReadonlyMap<string, string>): string | undefined {
    if (own.has(prefix)) return own.get(prefix);
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i];
      if (frame?.has(prefix)) return frame.get(prefix);
    }
    return this.predeclared.get(prefix);
  }

  push(own: ReadonlyMap<string, string>): void {
    this.frames.push(own);
  }

  pop(): void {
    this.frames.pop();
  }
}
