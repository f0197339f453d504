/** Decoded 8-bit pixels and how to read them, as sharp takes them (`{ raw: info }`). */
export interface RawPixels {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}
