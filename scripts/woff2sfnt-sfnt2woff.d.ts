// The package ships no types: its two converters, WOFF (1.0) to TrueType and back.
declare module 'woff2sfnt-sfnt2woff' {
  export function toSfnt(woff: Uint8Array): Buffer;
  export function toWoff(sfnt: Uint8Array): Buffer;
}
