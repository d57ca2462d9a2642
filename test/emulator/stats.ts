// Call counts for benchmarks and tests (control API `GET /__emulator/stats`). Bounded to the
// most recent 100,000 requests (`truncated` says when older ones were dropped).

/** `drive`: a Drive API call (its own quota at Google, counted apart from Sheets reads). */
export type CallKind = "read" | "write" | "drive" | "token";

export interface RequestRecord {
  /** Epoch milliseconds when the request arrived. */
  at: number;
  method: string;
  path: string;
  spreadsheetId: string | null;
  kind: CallKind | "other";
  status: number;
  clientEmail: string | null;
  /** Size of the request body in bytes (Google's write requests have practical size limits). */
  requestBytes: number;
}

const MAX_RECORDS = 100_000;

export class Stats {
  private records: RequestRecord[] = [];
  private dropped = 0;

  record(r: RequestRecord): void {
    this.records.push(r);
    if (this.records.length > MAX_RECORDS) {
      this.records.splice(0, this.records.length - MAX_RECORDS);
      this.dropped += 1;
    }
  }

  reset(clientEmail?: string): void {
    this.records =
      clientEmail === undefined ? [] : this.records.filter((r) => r.clientEmail !== clientEmail);
    this.dropped = 0;
  }

  /** Counts for one account (by its token's `client_email`), or for every request. */
  summary(clientEmail?: string) {
    const rs =
      clientEmail === undefined
        ? this.records
        : this.records.filter((r) => r.clientEmail === clientEmail);
    const byStatus: Record<string, number> = {};
    for (const r of rs) byStatus[String(r.status)] = (byStatus[String(r.status)] ?? 0) + 1;
    return {
      reads: rs.filter((r) => r.kind === "read").length,
      writes: rs.filter((r) => r.kind === "write").length,
      drive: rs.filter((r) => r.kind === "drive").length,
      tokens: rs.filter((r) => r.kind === "token" && r.status === 200).length,
      status429: byStatus["429"] ?? 0,
      byStatus,
      truncated: this.dropped > 0,
      requests: rs.map(({ at, method, path, spreadsheetId, kind, status, requestBytes }) => ({
        at,
        method,
        path,
        spreadsheetId,
        kind,
        status,
        requestBytes,
      })),
    };
  }
}
