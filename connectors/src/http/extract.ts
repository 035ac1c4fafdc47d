/**
 * Maps a parsed response onto the connector's declared fields. Only declared
 * fields leave this function: whatever else the source sends is dropped, so
 * a source that over-shares does not widen what Tongban holds (PIPL minimum
 * necessary).
 */
import type { Connector } from '../model/schema.js';
import { parseJsonPath, readJsonPath } from '../model/json-path.js';
import { checkFieldValue, type FieldValue } from './field-values.js';

export type RejectedField = { field: string; code: string; message: string; messageEn: string };

export type Extraction = {
  values: Record<string, FieldValue>;
  /** Fields whose value failed its type check; the value itself is not kept. */
  rejected: RejectedField[];
  /** Declared fields the response did not contain (absent or null). */
  missing: string[];
};

export function extractFields(connector: Connector, document: unknown, today: Date): Extraction {
  const extraction: Extraction = { values: {}, rejected: [], missing: [] };
  for (const [name, field] of Object.entries(connector.fields)) {
    // Paths were validated by the schema; an unparsable one cannot reach here.
    const raw = readJsonPath(document, parseJsonPath(field.path) ?? []);
    if (raw === undefined || raw === null) {
      extraction.missing.push(name);
      continue;
    }
    const checked = checkFieldValue(field.type, raw, today);
    if (checked.ok) extraction.values[name] = checked.value;
    else extraction.rejected.push({ field: name, code: checked.code, message: checked.message, messageEn: checked.messageEn });
  }
  return extraction;
}
