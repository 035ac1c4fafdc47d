import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Loaded by index.html itself (entry script or modulepreload), before any route's chunk. */
  readonly initial: boolean;
}

export interface BundleSizes {
  readonly chunks: ChunkSize[];
  readonly initialJsBytes: number;
  readonly initialJsGzipBytes: number;
  readonly totalJsGzipBytes: number;
  /** The largest lazily loaded chunk: the modeler page's (bpmn-js and the engine). */
  readonly largestLazyChunk?: ChunkSize;
}

/**
 * Sizes of the built designer's JavaScript: what index.html loads at once
 * (its module script and modulepreload links) and every chunk, raw and
 * gzipped (zlib's default level, as a server would send them).
 */
export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]),
  );
  const assets = join(dist, 'assets');
  const chunks = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file): ChunkSize => {
      const content = readFileSync(join(assets, file));
      return { file: `assets/${file}`, bytes: content.length, gzipBytes: gzipSync(content).length, initial: initial.has(`assets/${file}`) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (list: ChunkSize[], pick: (c: ChunkSize) => number) => list.reduce((total, c) => total + pick(c), 0);
  const initialChunks = chunks.filter((c) => c.initial);
  const largestLazyChunk = chunks.find((c) => !c.initial);
  return {
    chunks,
    initialJsBytes: sum(initialChunks, (c) => c.bytes),
    initialJsGzipBytes: sum(initialChunks, (c) => c.gzipBytes),
    totalJsGzipBytes: sum(chunks, (c) => c.gzipBytes),
    ...(largestLazyChunk ? { largestLazyChunk } : {}),
  };
}
