/** Escapes text for an XML attribute value in double quotes; line breaks survive as character references. */
export function xmlAttribute(value: string): string {
  return value.replace(/[&<>"\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes element body text. */
export function xmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** ` name="value"` pairs for the defined entries, in the given order. */
export function attributes(entries: readonly (readonly [string, string | number | undefined])[]): string {
  return entries
    .filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}
