import { useId, type ReactNode } from "react";

/** What a field hands its control so that label, help and error are tied to it for screen readers. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A labelled form control with optional help and an error that says why the value is refused.
 * The error is part of the control's description (read out when it is focused) and is also a
 * polite live region, so it is heard when it appears without moving focus.
 */
export function Field({
  label,
  help,
  error,
  className,
  children,
}: {
  label: ReactNode;
  help?: ReactNode;
  /** Why the current value cannot be used; nothing when it can. */
  error?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": true as const } : {}),
      })}
      {help && (
        <span id={helpId} className="help">
          {help}
        </span>
      )}
      <span id={errorId} className="field__error" aria-live="polite">
        {error}
      </span>
    </div>
  );
}

/** Keeps a typed number inside its range and step, so a form never sends what the server would refuse. */
export function clampToRange(value: number, min: number, max: number, step?: number): number {
  if (!Number.isFinite(value)) return min;
  const stepped = step ? Math.round((value - min) / step) * step + min : value;
  // Rounding to the step can leave float noise (0.30000000000000004): keep the step's decimals.
  const decimals = step ? (String(step).split(".")[1]?.length ?? 0) : 10;
  return Number(Math.min(max, Math.max(min, stepped)).toFixed(decimals));
}

/** A number input with its label, clamped to [min, max] when it loses focus. */
export function NumberField({
  label,
  help,
  error,
  value,
  onChange,
  min,
  max,
  step = 1,
  className,
}: {
  label: ReactNode;
  help?: ReactNode;
  error?: ReactNode;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  className?: string;
}) {
  return (
    <Field label={label} help={help} error={error} className={className}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode={step < 1 ? "decimal" : "numeric"}
          min={min}
          max={max}
          step={step}
          value={Number.isFinite(value) ? value : ""}
          onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
          onBlur={() => onChange(clampToRange(value, min, max, step))}
        />
      )}
    </Field>
  );
}

/** A checkbox with its label beside it, clickable as one. */
export function CheckboxField({
  label,
  checked,
  onChange,
  className,
  disabled,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <label className={["checkbox", className].filter(Boolean).join(" ")}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
