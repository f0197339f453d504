/**
 * Every job type and its payload (JSON, ids rather than rows). A module that adds a job type
 * adds its line here and a handler decorated `@OnJob(type)`.
 */
export interface JobPayloads {
  /** Remove one object from storage; a missing object counts as removed. */
  'storage.delete': { key: string };
  /** Upload intents never used: rows removed, their objects queued for deletion (recurring). */
  'uploads.sweep': Record<string, never>;
  /** Put a published post into every follower's home timeline (unless its author is large). */
  'timeline.fanout': { postId: string };
  /** Put an author's latest posts back into a follower's home timeline (an unmute). */
  'timeline.backfill': { userId: string; authorId: string };
  /** Recompute the explore ranking from the last week's likes and comments (recurring). */
  'explore.refresh': Record<string, never>;
  /** Make an attached image's variants and placeholder (src/media). */
  'image.process': { imageId: string };
  /** Queue `image.process` for images still waiting, such as those from before the pipeline (recurring). */
  'media.backfill': Record<string, never>;
}

export type JobType = keyof JobPayloads;

/** What a handler learns about the run besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  /** Aborted when the worker gives the job up (shutdown past its grace, or a lost lease). */
  signal: AbortSignal;
}

export type JobHandler<K extends JobType> = (
  payload: JobPayloads[K],
  context: JobContext,
) => Promise<void>;
