/** The outcome of reading one cell: its normalised value (null when blank) or why not. */
export type CellResult<T> = { ok: true; value: T | null } | { ok: false; message: string };
