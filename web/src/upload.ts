import { api, ApiError, type Post, type Upload } from './api';

/**
 * PUTs the file straight to the storage URL the API handed out (S3, or the app's own
 * embedded storage), reporting progress; the bytes never go through the API itself.
 */
export function putToStorage(
  upload: Upload,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(
          new ApiError(xhr.status, {
            type: 'storage',
            title: 'Upload failed',
            status: xhr.status,
            detail: `The storage refused the upload (${xhr.status}). Try again.`,
          }),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          type: 'network',
          title: 'Upload failed',
          status: 0,
          detail: 'The upload was interrupted. Check your connection and try again.',
        }),
      );
    xhr.send(file);
  });
}

export interface ChosenPhoto {
  file: File;
  altText: string;
}

/** How many photos go to storage at once. */
const PARALLEL_UPLOADS = 3;

/**
 * The whole publishing flow for 1–20 photos: an upload URL for each, the bytes of each straight
 * to storage (a few at a time, one progress over all the bytes), then one post with the photos
 * in their order, each with its alt text.
 */
export async function publishPhotos(
  photos: ChosenPhoto[],
  caption: string,
  onProgress: (fraction: number) => void,
): Promise<Post> {
  const total = photos.reduce((sum, photo) => sum + photo.file.size, 0) || 1;
  const sent = photos.map(() => 0);
  const report = () => onProgress(sent.reduce((sum, bytes) => sum + bytes, 0) / total);
  const uploadIds: string[] = [];
  let next = 0;
  async function worker() {
    while (next < photos.length) {
      const index = next++;
      const { file } = photos[index];
      const upload = await api.createUpload(file.type, file.size);
      await putToStorage(upload, file, (fraction) => {
        sent[index] = fraction * file.size;
        report();
      });
      uploadIds[index] = upload.uploadId;
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, photos.length) }, worker));
  return api.createPost(
    photos.map((photo, index) => ({ uploadId: uploadIds[index], altText: photo.altText || null })),
    caption,
  );
}

/** Same flow for an avatar. */
/** The avatar is processed in the background: resolves with the account once it shows. */
export async function uploadAvatar(file: File, onProgress: (fraction: number) => void) {
  const upload = await api.createUpload(file.type, file.size);
  await putToStorage(upload, file, onProgress);
  let me = await api.updateProfile({ avatarUploadId: upload.uploadId });
  for (let tries = 0; !me.avatarUrl && tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    me = await api.me();
  }
  return me;
}
