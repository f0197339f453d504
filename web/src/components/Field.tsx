import { useId, type InputHTMLAttributes } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string;
  hint?: string;
  multiline?: boolean;
};

/** A labelled input whose error (from the API's per-field problems) is announced and linked. */
export function Field({ label, error, hint, multiline, ...input }: Props) {
  const id = useId();
  const describedBy =
    [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          name={input.name}
          value={input.value as string}
          maxLength={input.maxLength}
          required={input.required}
          onChange={input.onChange as never}
          rows={3}
        />
      ) : (
        <input {...input} {...common} />
      )}
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
