/** The outcome of reading one cell: its normalised value (null when blank) or why not. */
export type CellResult<T> = { ok: true; value: T | null } | { ok: false; message: string };

/** The result of every blank cell: one frozen object, not one per cell. */
export const BLANK: { readonly ok: true; readonly value: null } = Object.freeze({
  ok: true,
  value: null,
});
