/**
 * Rules that span a whole trace: events numbered without gaps, time never
 * going back, the run.end last, and every id an event or the summary names
 * defined by the trace's scenario (views look ids up and must not meet a stranger).
 */
import { runEntities } from '../engine/topology';
import type { Trace } from '../engine/trace-types';
import { describeValue } from './describe-value';
import { eventSchemas } from './event-schema';
import { MAX_REPORTED_ERRORS } from './result';
import type { Problem } from './scenario-checks';

/** Event fields that hold an id of the scenario, and the kind of id. */
const REFERENCE_FIELDS = ['device', 'entity', 'isr', 'line'] as const;
type Kind = (typeof REFERENCE_FIELDS)[number];

/**
 * The reference fields each event type has, in REFERENCE_FIELDS order: a
 * million events are checked faster when no lookup is made for a field the
 * type does not have.
 */
const REFERENCES_BY_TYPE = new Map<string, readonly Kind[]>(
  eventSchemas.map((schema) => [
    schema.shape.type.value,
    REFERENCE_FIELDS.filter((kind) => kind in schema.shape),
  ]),
);

function knownIds(trace: Trace): Record<Kind, Set<string>> {
  const s = trace.scenario;
  // The entities that take part in the run: in native mode several VMs fold into one OS.
  const entities = runEntities(s);
  return {
    device: new Set(s.devices.map((d) => d.id)),
    entity: new Set(entities.map((e) => e.id)),
    isr: new Set(entities.flatMap((e) => e.isrs.map((isr) => isr.id))),
    line: new Set(s.lines.map((l) => l.id)),
  };
}

export function traceProblems(trace: Trace): Problem[] {
  return [...orderProblems(trace), ...referenceProblems(trace)];
}

/**
 * `to` of a delivery and `by` of a controller EOI or mask: the host, an entity
 * of the run, or (a mask only) Linux's nobody-cared detector. Views key their
 * state by these strings, so a stranger ("ghost-vm", "__proto__") is refused.
 */
function actorProblem(
  value: string,
  entities: ReadonlySet<string>,
  extra: readonly string[] = [],
): string | null {
  if (value === 'host' || extra.includes(value) || entities.has(value)) return null;
  const allowed = ['"host"', ...extra.map((x) => JSON.stringify(x)), 'an entity of $.scenario'];
  return `unknown actor ${JSON.stringify(value)}: expected ${allowed.join(' or ')}`;
}

/** Only the first break of each rule is reported: the rest usually follow from it. */
function orderProblems(trace: Trace): Problem[] {
  const problems: Problem[] = [];
  const events = trace.events;
  const badSeq = events.findIndex((e, i) => e.seq !== i);
  if (badSeq >= 0) {
    problems.push({
      path: ['events', badSeq, 'seq'],
      message: `must be ${badSeq} (events count from 0 without gaps), got ${events[badSeq]?.seq}`,
    });
  }
  const badT = events.findIndex((e, i) => i > 0 && e.t < (events[i - 1]?.t ?? 0));
  if (badT > 0) {
    problems.push({
      path: ['events', badT, 't'],
      message: `time must not go back: ${events[badT]?.t} after ${events[badT - 1]?.t} at $.events[${badT - 1}]`,
    });
  }
  const last = events.length - 1;
  const lastEvent = events[last];
  if (lastEvent && lastEvent.type !== 'run.end') {
    problems.push({
      path: ['events', last, 'type'],
      message: `the last event must be "run.end", got ${describeValue(lastEvent.type)} (the trace looks cut short)`,
    });
  }
  return problems;
}

function referenceProblems(trace: Trace): Problem[] {
  const known = knownIds(trace);
  const problems: Problem[] = [];
  let unlisted = 0;
  const push = (path: (string | number)[], message: string) => {
    if (problems.length >= MAX_REPORTED_ERRORS) unlisted++;
    else problems.push({ path, message });
  };
  const report = (path: (string | number)[], kind: Kind, id: string) =>
    push(path, `unknown ${kind} ${JSON.stringify(id)}: not in $.scenario`);

  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const fields = event as unknown as Record<string, unknown>;
    for (const kind of REFERENCES_BY_TYPE.get(event.type) ?? REFERENCE_FIELDS) {
      const value = fields[kind];
      if (typeof value === 'string' && !known[kind].has(value))
        report(['events', i, kind], kind, value);
    }
    if (event.type === 'ioapic.deliver') {
      const problem = actorProblem(event.to, known.entity);
      if (problem) push(['events', i, 'to'], problem);
    }
    if (event.type === 'ioapic.eoi' || event.type === 'ioapic.mask') {
      const extra = event.type === 'ioapic.mask' ? ['nobody-cared'] : [];
      const problem = actorProblem(event.by, known.entity, extra);
      if (problem) push(['events', i, 'by'], problem);
    }
    if (event.type === 'host.forward') {
      event.devices.forEach((device, j) => {
        if (!known.device.has(device)) report(['events', i, 'devices', j], 'device', device);
      });
    }
  }
  for (const id of Object.keys(trace.summary.entities)) {
    if (!known.entity.has(id)) report(['summary', 'entities', id], 'entity', id);
  }
  for (const id of Object.keys(trace.summary.devices)) {
    if (!known.device.has(id)) report(['summary', 'devices', id], 'device', id);
  }
  if (unlisted > 0) {
    problems.push({ path: ['events'], message: `...and ${unlisted} more unknown ids` });
  }
  return problems;
}
