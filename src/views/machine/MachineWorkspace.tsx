import { useDeferredValue, useMemo, useState } from 'react';
import { analyzeMachine, buildScenario, proposeOwners } from '../../machine';
import { useAppStoreApi } from '../../store';
import { EMPTY_DRAFT, readDraft, saveDraft, type MachineDraft } from './draft';
import { DumpInput } from './DumpInput';
import { EXAMPLE_MACHINE } from './examples';
import { MsiWhatIf } from './MsiWhatIf';
import { NotSharing } from './NotSharing';
import { NotUnderstood } from './NotUnderstood';
import { RunActions } from './RunActions';
import { SharedLines } from './SharedLines';
import './machine.css';

/**
 * "Your machine": paste or open lspci -vvv and /proc/interrupts, see which
 * interrupt lines are shared and by whom, choose the VMs, and run it.
 */
export function MachineWorkspace() {
  const store = useAppStoreApi();
  const [draft, setDraftState] = useState<MachineDraft>(() => readDraft(store));
  const setDraft = (next: MachineDraft) => {
    setDraftState(next);
    saveDraft(store, next);
  };
  // Reading a long dump on every key press would lag the typing; the result may trail a little.
  const lspci = useDeferredValue(draft.lspci);
  const procInterrupts = useDeferredValue(draft.procInterrupts);
  const inventory = useMemo(
    () => analyzeMachine({ lspci, procInterrupts }),
    [lspci, procInterrupts],
  );
  const owners = useMemo(
    () => ({ ...proposeOwners(inventory), ...draft.owners }),
    [inventory, draft.owners],
  );
  const built = useMemo(
    () => buildScenario(inventory, { policy: draft.policy, owners }),
    [inventory, draft.policy, owners],
  );
  const empty = inventory.sources.length === 0;

  return (
    <div className="machine" data-testid="machine-workspace">
      <header className="machine-intro">
        <h2>Your machine</h2>
        <p>
          Paste or open what your Linux machine prints for <code>sudo lspci -vvv</code> and{' '}
          <code>cat /proc/interrupts</code> (either alone works; together they say the most). The
          lines that several devices share become a scenario, one VM per device: see what a
          hypervisor would pay to share them.
        </p>
        <p>
          No Linux machine at hand?{' '}
          <button
            type="button"
            onClick={() => setDraft({ ...EMPTY_DRAFT, ...EXAMPLE_MACHINE, policy: draft.policy })}
          >
            Load an example laptop
          </button>
        </p>
      </header>
      <div className="machine-inputs">
        <DumpInput
          title="lspci -vvv"
          command="sudo lspci -vvv"
          testId="dump-lspci"
          value={draft.lspci}
          onChange={(lspci) => setDraft({ ...draft, lspci })}
        />
        <DumpInput
          title="/proc/interrupts"
          command="cat /proc/interrupts"
          testId="dump-proc-interrupts"
          value={draft.procInterrupts}
          onChange={(text) => setDraft({ ...draft, procInterrupts: text })}
        />
      </div>
      {empty ? null : (
        <div className="machine-result" aria-live="polite">
          <p className="machine-summary" data-testid="machine-summary">
            {summaryLine(inventory)}
          </p>
          {inventory.shared.length > 0 ? (
            <SharedLines
              inventory={inventory}
              owners={owners}
              onOwnerChange={(id, owner) =>
                setDraft({ ...draft, owners: { ...draft.owners, [id]: owner } })
              }
            />
          ) : null}
          <MsiWhatIf inventory={inventory} lspci={lspci} />
          <NotSharing inventory={inventory} />
          <NotUnderstood inventory={inventory} />
        </div>
      )}
      <RunActions
        scenario={built.ok ? built.scenario : null}
        problem={empty ? null : built.ok ? null : built.problem}
        policy={draft.policy}
        onPolicyChange={(policy) => setDraft({ ...draft, policy })}
      />
    </div>
  );
}

function summaryLine(inv: ReturnType<typeof analyzeMachine>): string {
  const from = inv.sources.map((s) => (s === 'lspci' ? 'lspci' : '/proc/interrupts')).join(' and ');
  const cpus = inv.cpus ? `, ${inv.cpus} CPU${inv.cpus === 1 ? '' : 's'}` : '';
  const sharing = inv.shared.reduce((n, l) => n + l.deviceIds.length, 0);
  return (
    `From ${from}${cpus}: ${inv.devices.length} device${inv.devices.length === 1 ? '' : 's'}, ` +
    `${inv.shared.length} shared line${inv.shared.length === 1 ? '' : 's'} (${sharing} devices), ` +
    `${inv.notUnderstood.length} line${inv.notUnderstood.length === 1 ? '' : 's'} not understood.`
  );
}
