/**
 * Counts which components render in each React commit, through the hook React
 * DOM reports its commits to (`__REACT_DEVTOOLS_GLOBAL_HOOK__`, the one the
 * React developer tools use). Install it before react-dom is imported.
 *
 * A component rendered in a commit when its props or its hook list is a new
 * object since the last commit: a render makes both anew, a bail-out (memo with
 * equal props, no state change) keeps them (React's `bailoutOnAlreadyFinishedWork`).
 */

interface Fiber {
  tag: number;
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
  memoizedProps: unknown;
  memoizedState: unknown;
  /** Milliseconds its last render took, without its children (React measures it under a Profiler). */
  selfBaseDuration?: number;
}

// Function, class, forwardRef and simple memo components (React's work tags).
const COMPOSITE = new Set([0, 1, 11, 15]);

function nameOf(fiber: Fiber): string {
  const t = fiber.type as
    | { displayName?: string; name?: string; render?: { name?: string } }
    | ((...a: unknown[]) => unknown)
    | null;
  if (!t) return 'Anonymous';
  if (typeof t === 'function') return (t as { displayName?: string }).displayName ?? t.name;
  return t.displayName ?? t.render?.name ?? t.name ?? 'Anonymous';
}

export interface RenderCounter {
  /** Component name to the number of renders since the last reset. */
  counts(): Map<string, number>;
  /** Component name to the milliseconds those renders took, without children (under a Profiler). */
  durations(): Map<string, number>;
  total(): number;
  reset(): void;
}

export function installRenderCounter(): RenderCounter {
  const seen = new WeakMap<Fiber, { props: unknown; state: unknown }>();
  let counts = new Map<string, number>();
  let durations = new Map<string, number>();
  const visit = (root: Fiber | null): void => {
    const stack: Fiber[] = root ? [root] : [];
    while (stack.length > 0) {
      const fiber = stack.pop()!;
      if (COMPOSITE.has(fiber.tag)) {
        const last = seen.get(fiber) ?? (fiber.alternate ? seen.get(fiber.alternate) : undefined);
        if (!last || last.props !== fiber.memoizedProps || last.state !== fiber.memoizedState) {
          const name = nameOf(fiber);
          counts.set(name, (counts.get(name) ?? 0) + 1);
          durations.set(name, (durations.get(name) ?? 0) + (fiber.selfBaseDuration ?? 0));
        }
        const now = { props: fiber.memoizedProps, state: fiber.memoizedState };
        seen.set(fiber, now);
        if (fiber.alternate) seen.set(fiber.alternate, now);
      }
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
  };
  (globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => visit(root.current),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
  };
  return {
    counts: () => new Map(counts),
    durations: () => new Map(durations),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => {
      counts = new Map();
      durations = new Map();
    },
  };
}
