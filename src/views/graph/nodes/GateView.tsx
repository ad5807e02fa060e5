import { memo, useId, type KeyboardEvent, type ReactNode } from 'react';
import type { Bit } from '../../../engine/events';
import { glossaryTerm, type TermId } from '../../../glossary';
import { SvgTerm } from '../../terms';

export interface GateViewProps {
  id: string;
  pci23: boolean;
  cause: Bit;
  enable: Bit;
  status: Bit;
  disable: Bit;
  pin: Bit;
  onToggleEnable: () => void;
  onToggleDisable: () => void;
  /** Inputs shown but not clickable (a side-by-side picture). */
  readOnly?: boolean;
}

/**
 * Figure 5 for one device: gate 520 ANDs the cause (500) with the enable (510)
 * into INTx Status; gate 530 ANDs INTx Status with NOT INTx Disable into the
 * pin. Values come from the trace (a delayed de-assert shows as it happened),
 * and every wire says its value in text; thickness and colour only repeat it.
 */
function GateViewComponent(props: GateViewProps) {
  const { id, pci23, cause, enable, status, disable, pin } = props;
  const legacyNote =
    'Legacy device (before PCI 2.3): Command bit 10 is reserved, it cannot be masked';
  return (
    <svg
      className="intx-gates"
      viewBox="0 0 244 156"
      role="group"
      aria-label={`Interrupt gates of ${id}`}
      data-testid={`gates-${id}`}
    >
      <SvgTerm id="cause-500">
        <WireLabel x={4} y={15} name="500 cause" value={cause} testId={`wire-${id}-cause`} />
      </SvgTerm>
      <Wire d="M4 22 H98" value={cause} />

      <InputToggle
        label={`510 enable = ${enable}, toggle 510 enable of ${id}`}
        focusKey={`enable:${id}`}
        pressed={enable === 1}
        onToggle={props.onToggleEnable}
        disabled={props.readOnly === true}
        title="Click to toggle the device-specific enable (510)"
        term="enable-510"
      >
        <rect x={0} y={38} width={98} height={26} className="intx-gates__hit" />
        <WireLabel x={4} y={49} name="510 enable" value={enable} testId={`wire-${id}-enable`} />
        <Wire d="M4 56 H98" value={enable} />
      </InputToggle>

      <path className="intx-gates__gate" d="M98 12 H114 A27 27 0 0 1 114 66 H98 Z" />
      <SvgTerm id="status-520">
        <text className="intx-gates__gate-name" x={102} y={43}>
          520
        </text>
      </SvgTerm>

      <Wire d="M141 39 H156 V96 H170" value={status} />
      <SvgTerm id="status-520">
        <WireLabel x={146} y={31} name="INTx Status" value={status} testId={`wire-${id}-status`} />
      </SvgTerm>

      <InputToggle
        label={`INTx Disable (bit 10) = ${disable}, toggle INTx Disable of ${id}`}
        focusKey={`intx-disable:${id}`}
        pressed={disable === 1}
        onToggle={props.onToggleDisable}
        disabled={!pci23 || props.readOnly === true}
        title={pci23 ? 'Click to toggle Command bit 10, Interrupt Disable' : legacyNote}
        term="disable-530"
      >
        <rect x={0} y={106} width={160} height={30} className="intx-gates__hit" />
        <WireLabel
          x={4}
          y={122}
          name="INTx Disable (bit 10)"
          value={disable}
          testId={`wire-${id}-disable`}
        />
        <Wire d="M4 130 H161" value={disable} />
      </InputToggle>
      <circle className="intx-gates__bubble" cx={165} cy={130} r={4} />

      <path className="intx-gates__gate" d="M170 86 H186 A27 27 0 0 1 186 140 H170 Z" />
      <SvgTerm id="disable-530">
        <text className="intx-gates__gate-name" x={174} y={117}>
          530
        </text>
      </SvgTerm>

      <Wire d="M213 113 H242" value={pin} />
      <SvgTerm id="intx-pin">
        <WireLabel
          x={242}
          y={153}
          anchor="end"
          name="INTx pin"
          value={pin}
          testId={`wire-${id}-pin`}
        />
      </SvgTerm>
    </svg>
  );
}

function Wire({ d, value }: { d: string; value: Bit }) {
  return <path className={`intx-wire intx-wire--${value}`} d={d} />;
}

interface WireLabelProps {
  x: number;
  y: number;
  name: string;
  value: Bit;
  testId: string;
  anchor?: 'start' | 'end';
}

function WireLabel({ x, y, name, value, testId, anchor = 'start' }: WireLabelProps) {
  return (
    <text className="intx-gates__label" x={x} y={y} textAnchor={anchor} data-testid={testId}>
      {name} = <tspan className={`intx-gates__value intx-gates__value--${value}`}>{value}</tspan>
    </text>
  );
}

interface InputToggleProps {
  label: string;
  /** Names the control whatever its value: focus comes back to it after a recompute (useDialogFocus). */
  focusKey: string;
  pressed: boolean;
  onToggle: () => void;
  disabled?: boolean;
  title: string;
  /** The glossary entry that describes this input to screen readers. */
  term: TermId;
  children: ReactNode;
}

/** A clickable gate input: a real button role with keyboard access, inside the SVG. */
function InputToggle({
  label,
  focusKey,
  pressed,
  onToggle,
  disabled = false,
  title,
  term,
  children,
}: InputToggleProps) {
  const descId = useId();
  const run = () => {
    if (!disabled) onToggle();
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      run();
    }
  };
  return (
    <g
      className={`intx-gates__input nodrag nopan${disabled ? ' intx-gates__input--disabled' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      data-focus-key={focusKey}
      aria-pressed={pressed}
      aria-describedby={descId}
      aria-disabled={disabled || undefined}
      onClick={run}
      onKeyDown={onKeyDown}
    >
      <title>{title}</title>
      <desc id={descId}>{glossaryTerm(term).definition}</desc>
      {children}
    </g>
  );
}

export const GateView = memo(GateViewComponent);
