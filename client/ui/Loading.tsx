/** A calm full-screen spinner with a spoken label. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="overlay-center" role="status" aria-live="polite">
      <div className="loader">
        <div className="loader__ring" aria-hidden="true" />
        <span>{label}</span>
      </div>
    </div>
  );
}
