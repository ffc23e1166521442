/** A labelled <progress> with its percentage in words beside it (screen readers get both). */
export function ProgressBar({ label, value }: { label: string; value: number | undefined }) {
  const pct = value === undefined ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100)
  return (
    <div className="import-progress">
      <span>{label}</span>
      <progress className="progress" max={100} {...(pct !== undefined && { value: pct })} aria-label={label} />
      {pct !== undefined && <span className="import-progress-pct">{pct} %</span>}
    </div>
  )
}
