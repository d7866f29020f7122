import { type ComponentType, useEffect, useState } from 'react';
import { markOnce } from '../ui/mark-once';
import { ErrorState, Loading } from '../ui/states';

/**
 * A component whose code is fetched the first time it is shown (or earlier, by calling `load`),
 * with a loading state and an error state with retry while it is not there.
 */
export function loadWhenNeeded<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  // biome-ignore lint/correctness/noComponentHookFactories: like React.lazy, it is called once at module level, not during render.
  return function WhenLoaded(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<Error | null>(null);
    const [attempt, setAttempt] = useState(0);
    // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is there to run the load again on retry.
    useEffect(() => {
      if (component) return;
      let live = true;
      load().then(
        (m) => {
          markOnce('lazy:loaded');
          loaded = m.default;
          if (live) setComponent(() => m.default);
        },
        (err: Error) => live && setError(err),
      );
      return () => {
        live = false;
      };
    }, [component, attempt]);
    if (component) {
      const Loaded = component;
      return <Loaded {...props} />;
    }
    if (error)
      return (
        <ErrorState
          error={error}
          retry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      );
    return <Loading />;
  };
}
