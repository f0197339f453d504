/** What the pipeline refuses to decode. */
export interface MediaLimits {
  /** Largest width × height of a still image, and of all frames of an animation together. */
  maxPixels: number;
  /** Most frames an animation may have. */
  maxFrames: number;
}

export const MEDIA_LIMITS = Symbol('MEDIA_LIMITS');
