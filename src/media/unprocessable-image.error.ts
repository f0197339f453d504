/**
 * A file the pipeline cannot turn into variants (damaged, truncated, too large, too many
 * frames). Its message is the reason shown to the photo's owner; it is not a bug to retry.
 */
export class UnprocessableImageError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnprocessableImageError';
  }
}
