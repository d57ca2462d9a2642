// The two functions of node:zlib the Worker uses (workerd implements node:zlib under
// nodejs_compat); the Worker's types do not include Node's.
declare module "node:zlib" {
  export function deflateRawSync(data: Uint8Array, options?: { level?: number }): Uint8Array;
  export function inflateRawSync(data: Uint8Array): Uint8Array;
}
