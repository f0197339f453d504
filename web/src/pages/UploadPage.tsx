import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, describeError, type Meta } from '../api';
import { Field } from '../components/Field';
import { FilePicker } from '../components/FilePicker';
import { useTitle } from '../title';
import { useSession } from '../session';
import { publishPhotos } from '../upload';
import { ChosenPhotos, type Chosen } from './ChosenPhotos';

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
  const [photos, setPhotos] = useState<Chosen[]>([]);
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const previews = useRef(new Set<string>());
  useTitle('New post');

  useEffect(() => {
    api.meta().then(setMeta, (caught: unknown) => setError(describeError(caught)));
  }, []);
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  if (me === null) return <Navigate to="/login?next=%2Fnew" replace />;
  const maxPhotos = meta?.maxPhotosPerPost ?? 20;

  function pick(picked: File[]) {
    setError(undefined);
    setProgress(undefined);
    if (!meta || picked.length === 0) return;
    const problems: string[] = [];
    const accepted: Chosen[] = [];
    for (const file of picked) {
      const problem = checkFile(file, meta);
      if (problem) {
        problems.push(picked.length > 1 ? `${file.name}: ${problem}` : problem);
        continue;
      }
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      accepted.push({ key: preview, file, preview, altText: '' });
    }
    const room = maxPhotos - photos.length;
    if (accepted.length > room) {
      problems.push(`A post holds up to ${maxPhotos} photos; the first ${room} were added.`);
    }
    setPhotos([...photos, ...accepted.slice(0, Math.max(0, room))]);
    if (problems.length) setError(problems.join(' '));
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    pick([...event.dataTransfer.files]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (photos.length === 0) return setError('Choose a photo first.');
    setError(undefined);
    setProgress(0);
    try {
      const post = await publishPhotos(photos, caption, setProgress);
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
          Up to {maxPhotos} photos: {typeNames(meta.upload.allowedContentTypes)}, each up to{' '}
          {megabytes(meta.upload.maxBytes)}.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes('Files')) return;
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          {photos.length === 0 && <p>Drop photos here, or</p>}
          <FilePicker
            id="photo"
            label={photos.length ? 'Add photos' : 'Choose a photo'}
            accept={meta?.upload.allowedContentTypes.join(',') ?? 'image/*'}
            multiple
            describedBy="limits"
            onFiles={pick}
          />
        </div>
        <ChosenPhotos
          photos={photos}
          onChange={setPhotos}
          altTextMaxLength={meta?.text.altTextMaxLength}
          disabled={uploading}
        />
        <Field
          label="Caption"
          name="caption"
          multiline
          value={caption}
          maxLength={meta?.text.captionMaxLength}
          onChange={(e) => setCaption(e.target.value)}
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
        <button type="submit" disabled={photos.length === 0 || uploading}>
          {uploading ? 'Publishing…' : 'Publish'}
        </button>
      </form>
    </main>
  );
}
