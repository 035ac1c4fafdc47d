/** Messages can carry document text of any length; a problem list is read by people. */
export function abbreviate(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 3)}...` : value;
}
