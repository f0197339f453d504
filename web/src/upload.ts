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

/** The whole publishing flow: ask for an upload URL, send the bytes, then create the post. */
export async function publishPhoto(
  file: File,
  fields: { caption: string; altText: string },
  onProgress: (fraction: number) => void,
): Promise<Post> {
  const upload = await api.createUpload(file.type, file.size);
  await putToStorage(upload, file, onProgress);
  return api.createPost(upload.uploadId, fields.caption, fields.altText);
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
