import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { DeviceAction } from '../views/graph';
import { WatchFor } from '../views/terms';
import { TopologyGraph } from './lazy-graph';
import { useDrawStage } from './useFirstDraw';
import {
  selectDeviceAction,
  selectExpandedDevices,
  selectFrame,
  selectPresentation,
  selectPresetName,
  selectScenario,
  selectSetExpandedDevices,
  selectTheme,
  useAppStore,
  useAppStoreApi,
} from '../store';

// Side by side (two more workers and graphs) loads when it is first opened.
const SideBySide = lazy(() => import('./SideBySide').then((m) => ({ default: m.SideBySide })));

/** Presentation mode's smallest node text on screen: readable from the back of a room. */
const PRESENTATION_TEXT_PX = 14;

/**
 * The centre of the page. A step re-renders none of it: the graph follows the
 * store's frame and updates its nodes by id from it.
 */
export function GraphPane() {
  const scenario = useAppStore(selectScenario);
  // The graph follows the store's frame itself (one commit a step); this pane does not
  // re-render for a step.
  const store = useAppStoreApi();
  const frameSource = useMemo(
    () => ({ get: () => selectFrame(store.getState()), subscribe: store.subscribe }),
    [store],
  );
  const theme = useAppStore(selectTheme);
  const presentation = useAppStore(selectPresentation);
  const presetName = useAppStore(selectPresetName);
  const [pair, setPair] = useState(false);
  // Another machine's graph is drawn a frame after the old one is removed, its nodes,
  // then its edges a frame later (useDrawStage).
  const stage = useDrawStage();
  const drawGraph = stage >= 1;
  // Side by side compares the two host policies; native runs have no host.
  const deviceAction = useAppStore(selectDeviceAction);
  const expandedList = useAppStore(selectExpandedDevices);
  const setExpanded = useAppStore(selectSetExpandedDevices);
  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  // Stable across frames so the graph's nodes do not re-render for them.
  const onDeviceAction = useCallback(
    (deviceId: string, action: DeviceAction) => void deviceAction(deviceId, action),
    [deviceAction],
  );
  const onExpandedChange = useCallback(
    (next: ReadonlySet<string>) => setExpanded([...next]),
    [setExpanded],
  );
  return (
    <main className="graph-pane" aria-label="Topology">
      <WatchFor presetName={presetName} />
      {scenario ? (
        <div className="graph-pane__graph">
          {scenario.policy === 'native' ? null : (
            <button
              type="button"
              className="toggle graph-pane__pair"
              aria-pressed={pair}
              title="Broadcast and selective on the same stimuli, stepping together by interrupt"
              onClick={() => setPair((on) => !on)}
            >
              Side by side
            </button>
          )}
          {pair && scenario.policy !== 'native' ? (
            <Suspense fallback={<p className="placeholder">Loading side by side…</p>}>
              <SideBySide
                scenario={scenario}
                legiblePx={presentation ? PRESENTATION_TEXT_PX : undefined}
              />
            </Suspense>
          ) : drawGraph ? (
            <Suspense fallback={<p className="placeholder">Loading the graph…</p>}>
              <TopologyGraph
                scenario={scenario}
                frame={null}
                frameSource={frameSource}
                onDeviceAction={onDeviceAction}
                expandedDevices={expanded}
                onExpandedDevicesChange={onExpandedChange}
                colorMode={theme}
                legiblePx={presentation ? PRESENTATION_TEXT_PX : undefined}
                edgesDrawn={stage >= 2}
              />
            </Suspense>
          ) : (
            // Its place kept, empty, for the one frame before the new graph is drawn.
            <div className="intx-graph" aria-busy="true" data-testid="graph-pending" />
          )}
        </div>
      ) : (
        <p className="placeholder">Loading the scenario…</p>
      )}
    </main>
  );
}
