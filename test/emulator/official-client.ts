// Google's own Node clients (Sheets v4, Drive v3) pointed at the emulator, unchanged except for
// where they send the token request: google-auth-library always posts the JWT to
// oauth2.googleapis.com (ignoring a key's token_uri), so a transport interceptor redirects that
// one URL to the key's token_uri.

import { drive, type drive_v3, auth as driveAuth } from "@googleapis/drive";
import { auth, sheets, type sheets_v4 } from "@googleapis/sheets";
import type { ServiceAccountKey } from "./service-account-key.ts";

const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

/** A Sheets API request as the official client put it on the wire (token requests excluded). */
export interface OfficialRequest {
  readonly method: string;
  readonly url: URL;
  /** The JSON body, parsed; undefined for none. */
  readonly body: unknown;
}

export function officialSheetsClient(
  emulatorUrl: string,
  key: Pick<ServiceAccountKey, "client_email" | "private_key" | "token_uri">,
  scopes = ["https://www.googleapis.com/auth/spreadsheets"],
  observe: { onRequest?: (request: OfficialRequest) => void } = {},
): sheets_v4.Sheets {
  const jwt = new auth.JWT({ email: key.client_email, key: key.private_key, scopes });
  redirectTokenRequests(jwt, key, observe);
  return sheets({ version: "v4", auth: jwt, rootUrl: `${emulatorUrl}/` });
}

/** Drive API v3 through `@googleapis/drive`, with the scope the Worker asks Drive with. */
export function officialDriveClient(
  emulatorUrl: string,
  key: Pick<ServiceAccountKey, "client_email" | "private_key" | "token_uri">,
  scopes = ["https://www.googleapis.com/auth/drive.metadata.readonly"],
): drive_v3.Drive {
  const jwt = new driveAuth.JWT({ email: key.client_email, key: key.private_key, scopes });
  redirectTokenRequests(jwt, key, {});
  return drive({ version: "v3", auth: jwt, rootUrl: `${emulatorUrl}/` });
}

// Each client package carries its own google-auth-library; only this much of it is used.
interface InterceptedRequest {
  url: URL;
  method?: string;
  data?: unknown;
  body?: unknown;
}

interface Interceptable<O extends InterceptedRequest> {
  transporter: {
    interceptors: { request: { add(interceptor: { resolved: (o: O) => Promise<O> }): unknown } };
  };
}

function redirectTokenRequests<O extends InterceptedRequest>(
  jwt: Interceptable<O>,
  key: Pick<ServiceAccountKey, "token_uri">,
  observe: { onRequest?: (request: OfficialRequest) => void },
): void {
  jwt.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (options.url.href === GOOGLE_TOKEN_URL) {
        options.url = new URL(key.token_uri);
      } else if (observe.onRequest) {
        // Lets parity tests compare the official client's call shape with ours.
        observe.onRequest({
          method: (options.method ?? "GET").toUpperCase(),
          url: new URL(options.url.href),
          body: requestBody(options.data ?? options.body),
        });
      }
      return options;
    },
  });
}

function requestBody(data: unknown): unknown {
  if (data === undefined || data === null) return undefined;
  if (typeof data === "string") return data === "" ? undefined : JSON.parse(data);
  return data;
}
