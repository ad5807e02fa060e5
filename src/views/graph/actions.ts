import { createContext, useContext } from 'react';

/** What a person can do to a device from its node. */
export type DeviceAction = 'raise' | 'withdraw' | 'toggle-enable' | 'toggle-intx-disable';

export interface GraphActions {
  onDeviceAction: (deviceId: string, action: DeviceAction) => void;
  /** Opens or closes a device's Figure 5 gate view. */
  toggleExpanded: (deviceId: string) => void;
  /** Shows each member of a group of alike entities, or groups them again. */
  toggleGroup: (groupId: string) => void;
  /** A picture to compare, not to change: devices show no Raise button. */
  readOnly?: boolean;
}

const ignore = (): void => {};

/** Provided by TopologyGraph with stable functions, so nodes never re-render for it. */
export const GraphActionsContext = createContext<GraphActions>({
  onDeviceAction: ignore,
  toggleExpanded: ignore,
  toggleGroup: ignore,
});

export function useGraphActions(): GraphActions {
  return useContext(GraphActionsContext);
}
