/** The shape of palette and context pad entries, as far as the Tongban providers touch them. */
export interface Entry {
  readonly group?: string;
  readonly className?: string;
  readonly title?: string;
  readonly action?: unknown;
}

export type PaletteEntries = Record<string, Entry>;
