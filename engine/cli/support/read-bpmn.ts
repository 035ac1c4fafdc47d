import { readFile } from 'node:fs/promises';
import { UsageError } from './cli-error.js';

/**
 * Reads a diagram as bytes, not text: the engine decodes it and reports a
 * file that is not UTF-8 as a problem instead of garbling its Chinese names.
 */
export async function readBpmn(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new UsageError(describeReadError(path, error));
  }
}

function describeReadError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return `找不到文件 (file not found): ${path}`;
    case 'EISDIR': return `这是目录，不是文件 (is a directory): ${path}`;
    case 'EACCES':
    case 'EPERM': return `没有读取权限 (permission denied): ${path}`;
    default: return `无法读取文件 (cannot read file): ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
