// core/ compiles without DOM or Node types; these two encoders are standard in both runtimes (WHATWG
// Encoding), so their shape is declared here rather than pulling in either library.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  decode(input?: Uint8Array): string;
}
