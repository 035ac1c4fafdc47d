/** Every read parses the stored JSON again, so callers always get a fresh object. */
export function fromJson<T>(row: { readonly record: string } | undefined): T | undefined {
  return row === undefined ? undefined : (JSON.parse(row.record) as T);
}

export function allFromJson<T>(rows: readonly { readonly record: string }[]): T[] {
  return rows.map((row) => JSON.parse(row.record) as T);
}
