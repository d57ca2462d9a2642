import type { ServerApi, ServerFunctionName } from "../server-api.ts";

/** What Apps Script injects into HtmlService pages (replaced by a test double in tests). */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: { message?: string } | string) => void): ScriptRun;
  [functionName: string]: unknown;
}
declare const google: { script: { run: ScriptRun; host: { close(): void } } };

/** google.script.run as a promise, typed by the server API both sides compile against. */
export function callServer<K extends ServerFunctionName>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(new Error(errorText(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export function closeDialog(): void {
  google.script.host.close();
}

/** Google's own message, kept as it is (Apps Script sends an Error or, rarely, a string). */
export function errorText(error: unknown): string {
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}
