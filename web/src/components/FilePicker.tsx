/**
 * A file input shown as a button. The input itself is visually hidden but stays in the tab
 * order; its keyboard focus is drawn on the visible label (CSS `.file-pick`), so focus is
 * never invisible.
 */
export function FilePicker({
  id,
  label,
  accept,
  multiple = false,
  describedBy,
  onFiles,
}: {
  id: string;
  label: string;
  accept: string;
  multiple?: boolean;
  describedBy?: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <span className="file-pick">
      <input
        id={id}
        name={id}
        type="file"
        className="visually-hidden"
        accept={accept}
        multiple={multiple}
        aria-describedby={describedBy}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <label className="button-like" htmlFor={id}>
        {label}
      </label>
    </span>
  );
}
