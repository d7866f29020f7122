import { useEffect, useState, type ComponentType } from 'react';
import { ErrorState, Loading } from '../ui/states';
import { markOnce } from '../ui/mark-once';

/**
 * A component whose code is fetched the first time it is shown (or earlier, by calling `load`),
 * with a loading state and an error state with retry while it is not there.
 */
export function loadWhenNeeded<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function WhenLoaded(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<Error | null>(null);
    const [attempt, setAttempt] = useState(0);
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
    if (error) return <ErrorState error={error} retry={() => (setError(null), setAttempt((n) => n + 1))} />;
    return <Loading />;
  };
}
