import { useState } from 'react';
import { Field } from '../components/Field';

export interface Chosen {
  key: string;
  file: File;
  preview: string;
  altText: string;
}

const moved = <T,>(list: T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};

/**
 * The photos chosen for a post, in the order they will appear: each with its preview and its
 * own alt text; dragged to reorder (or moved with its Earlier / Later buttons), or removed.
 */
export function ChosenPhotos({
  photos,
  onChange,
  altTextMaxLength,
  disabled,
}: {
  photos: Chosen[];
  onChange: (photos: Chosen[]) => void;
  altTextMaxLength?: number;
  disabled: boolean;
}) {
  const [dragged, setDragged] = useState<number>();
  if (photos.length === 0) return null;
  const one = photos.length === 1;
  return (
    <ol className="chosen" aria-label="Photos to post, in order">
      {photos.map((photo, index) => {
        const name = one ? 'the photo' : `photo ${index + 1}`;
        return (
          <li
            key={photo.key}
            draggable={!disabled && !one}
            onDragStart={() => setDragged(index)}
            onDragOver={(event) => dragged !== undefined && event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged !== undefined && dragged !== index) {
                onChange(moved(photos, dragged, index));
              }
              setDragged(undefined);
            }}
            onDragEnd={() => setDragged(undefined)}
            className={dragged === index ? 'dragging' : undefined}
          >
            <img
              src={photo.preview}
              alt={one ? 'Preview of the photo to post' : `Preview of photo ${index + 1}`}
              className="preview"
            />
            <div className="chosen-fields">
              <Field
                label={one ? 'Alt text' : `Alt text, photo ${index + 1}`}
                name={`altText-${index}`}
                multiline
                value={photo.altText}
                maxLength={altTextMaxLength}
                hint="Describe the photo for people who cannot see it."
                onChange={(e) =>
                  onChange(
                    photos.map((p, i) => (i === index ? { ...p, altText: e.target.value } : p)),
                  )
                }
              />
              <p className="chosen-actions">
                {!one && (
                  <>
                    <button
                      type="button"
                      className="secondary"
                      disabled={disabled || index === 0}
                      onClick={() => onChange(moved(photos, index, index - 1))}
                      aria-label={`Move ${name} earlier`}
                    >
                      Earlier
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      disabled={disabled || index === photos.length - 1}
                      onClick={() => onChange(moved(photos, index, index + 1))}
                      aria-label={`Move ${name} later`}
                    >
                      Later
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="secondary"
                  disabled={disabled}
                  onClick={() => onChange(photos.filter((_, i) => i !== index))}
                  aria-label={`Remove ${name}`}
                >
                  Remove
                </button>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
