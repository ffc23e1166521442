import { useState, type ReactNode } from 'react'

/**
 * The builder's small controls. Each one is a native control inside its <label> (so every input has its
 * name, and the keyboard works as everywhere else). Lists and numbers keep what is being typed ("12,"
 * or "0.") while the tree only ever holds the parsed value.
 */
export function Labeled({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <label className={`seg-control${className ? ` ${className}` : ''}`}>
      <span className="seg-control-label">{label}</span>
      {children}
    </label>
  )
}

/** Splits "a, b，c、d" (Latin and Chinese commas, semicolons, new lines) into trimmed, non-empty items. */
export function parseList(text: string, numeric: boolean): Array<string | number> {
  const items = text.split(/[,，、;；\n]+/).map((s) => s.trim()).filter((s) => s !== '')
  return numeric ? items.map(Number).filter((n) => Number.isInteger(n) && n > 0) : items
}

const sameList = (a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>) => a.length === b.length && a.every((x, i) => x === b[i])

export function ListInput(p: { label: string; value: ReadonlyArray<string | number> | undefined; numeric?: boolean; onChange: (v: Array<string | number>) => void; hint?: string }) {
  const numeric = p.numeric ?? false
  const value = p.value ?? []
  const [draft, setDraft] = useState(() => value.join(', '))
  // The tree changed from elsewhere (a parsed phrase, another node removed): show its value.
  if (!sameList(parseList(draft, numeric), value)) setDraft(value.join(', '))
  return (
    <Labeled label={p.label} className="seg-control-wide">
      <input
        type="text"
        value={draft}
        title={p.hint}
        inputMode={numeric ? 'numeric' : undefined}
        onChange={(e) => {
          setDraft(e.target.value)
          p.onChange(parseList(e.target.value, numeric))
        }}
      />
    </Labeled>
  )
}

const parseNumber = (s: string): number | undefined => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s))

export function NumberInput(p: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; min?: number; max?: number; step?: number | 'any' }) {
  const [draft, setDraft] = useState(() => (p.value === undefined ? '' : String(p.value)))
  if (parseNumber(draft) !== p.value) setDraft(p.value === undefined ? '' : String(p.value))
  return (
    <Labeled label={p.label} className="seg-control-number">
      <input
        type="number"
        value={draft}
        min={p.min}
        max={p.max}
        step={p.step ?? 'any'}
        onChange={(e) => {
          setDraft(e.target.value)
          p.onChange(parseNumber(e.target.value))
        }}
      />
    </Labeled>
  )
}

export function Select<T extends string>(p: { label: string; value: T | ''; options: ReadonlyArray<{ value: T; label: string }>; onChange: (v: T) => void; placeholder?: string; role?: string }) {
  return (
    <Labeled label={p.label}>
      <select value={p.value} data-role={p.role} onChange={(e) => p.onChange(e.target.value as T)}>
        {p.placeholder !== undefined && (
          <option value="" disabled>
            {p.placeholder}
          </option>
        )}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labeled>
  )
}
