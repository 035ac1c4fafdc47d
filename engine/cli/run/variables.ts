import { InvalidArgumentError } from 'commander';

/**
 * Collects repeated `--var key=value` options. Values are JSON when they
 * parse as JSON (`--var amount=3`, `--var tags='["a"]'`), else strings.
 */
export function collectVariable(text: string, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  const at = text.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`应为 key=value (expected key=value): ${text}`);
  return { ...previous, [text.slice(0, at)]: parseValue(text.slice(at + 1)) };
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
