import { useId } from "react";
import type { TranslationKey } from "../../shared/i18n";
import { useT } from "../i18n/locale";

/** A row of colour choices as radio buttons, each named for screen readers (avatar and note colours). */
export function SwatchPicker({
  legend,
  help,
  name,
  swatches,
  value,
  onChange,
}: {
  legend: string;
  /** A line under the swatches, e.g. what happens when none is chosen. */
  help?: string | undefined;
  /** The radio group's name, unique on the page. */
  name: string;
  swatches: readonly { hex: string; nameKey: TranslationKey }[];
  /** Undefined: none chosen yet. */
  value: number | undefined;
  onChange(index: number): void;
}) {
  const t = useT();
  const helpId = useId();
  return (
    <fieldset className="field" {...(help ? { "aria-describedby": helpId } : {})}>
      <legend>{legend}</legend>
      <div className="swatches">
        {swatches.map((swatch, index) => (
          <label key={swatch.hex} className="swatch" title={t(swatch.nameKey)}>
            <input
              type="radio"
              name={name}
              value={index}
              checked={value === index}
              onChange={() => onChange(index)}
              aria-label={t(swatch.nameKey)}
            />
            <span style={{ background: swatch.hex }} />
          </label>
        ))}
      </div>
      {help && (
        <p id={helpId} className="help">
          {help}
        </p>
      )}
    </fieldset>
  );
}
