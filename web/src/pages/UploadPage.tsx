import { useEffect, useState, type DragEvent, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, describeError, type Meta } from '../api';
import { Field } from '../components/Field';
import { FilePicker } from '../components/FilePicker';
import { useTitle } from '../title';
import { useSession } from '../session';
import { publishPhoto } from '../upload';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const typeNames = (types: string[]) =>
  types.map((type) => type.replace('image/', '').toUpperCase()).join(', ');

/** Checks a picked file against the published limits before any upload starts. */
export function checkFile(file: File, meta: Meta): string | undefined {
  if (!meta.upload.allowedContentTypes.includes(file.type)) {
    return `That file type is not supported. Choose a ${typeNames(meta.upload.allowedContentTypes)} image.`;
  }
  if (file.size > meta.upload.maxBytes) {
    return `That photo is ${megabytes(file.size)}; the limit is ${megabytes(meta.upload.maxBytes)}.`;
  }
  return undefined;
}

export function UploadPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [meta, setMeta] = useState<Meta>();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<string>();
  const [caption, setCaption] = useState('');
  const [altText, setAltText] = useState('');
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  useTitle('New post');

  useEffect(() => {
    api.meta().then(setMeta, (caught: unknown) => setError(describeError(caught)));
  }, []);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  if (me === null) return <Navigate to="/login?next=%2Fnew" replace />;

  function pick(picked: File | undefined) {
    setError(undefined);
    setProgress(undefined);
    if (!picked || !meta) return;
    const problem = checkFile(picked, meta);
    if (problem) {
      setFile(undefined);
      setPreview(undefined);
      return setError(problem);
    }
    setFile(picked);
    setPreview(URL.createObjectURL(picked));
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    pick(event.dataTransfer.files[0]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError('Choose a photo first.');
    setError(undefined);
    setProgress(0);
    try {
      const post = await publishPhoto(file, { caption, altText }, setProgress);
      navigate(`/p/${post.id}`);
    } catch (caught) {
      setProgress(undefined);
      setError(`${describeError(caught)} You can try again.`);
    }
  }

  const uploading = progress !== undefined;
  return (
    <main className="narrow">
      <h1>New post</h1>
      {meta && (
        <p className="muted" id="limits">
          {typeNames(meta.upload.allowedContentTypes)} up to {megabytes(meta.upload.maxBytes)}.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          {preview ? (
            <img src={preview} alt="Preview of the photo to post" className="preview" />
          ) : (
            <p>Drop a photo here, or</p>
          )}
          <FilePicker
            id="photo"
            label={file ? 'Choose another photo' : 'Choose a photo'}
            accept={meta?.upload.allowedContentTypes.join(',') ?? 'image/*'}
            describedBy="limits"
            onFiles={([picked]) => pick(picked)}
          />
        </div>
        <Field
          label="Caption"
          name="caption"
          multiline
          value={caption}
          maxLength={meta?.text.captionMaxLength}
          onChange={(e) => setCaption(e.target.value)}
        />
        <Field
          label="Alt text"
          name="altText"
          multiline
          value={altText}
          maxLength={meta?.text.altTextMaxLength}
          hint="Describe the photo for people who cannot see it."
          onChange={(e) => setAltText(e.target.value)}
        />
        {uploading && (
          <div className="progress">
            <label htmlFor="upload-progress">Uploading {Math.round((progress ?? 0) * 100)}%</label>
            <progress id="upload-progress" max={1} value={progress} />
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={!file || uploading}>
          {uploading ? 'Publishing…' : 'Publish'}
        </button>
      </form>
    </main>
  );
}
