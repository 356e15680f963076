import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; message: string };

/**
 * One call's answer for a Beheer section: loading, the data, or the failure in plain words; `retry` asks again.
 * It asks again whenever `load` changes (a new client after a language switch, a new filter); only the latest
 * answer counts.
 */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> & { retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    setState((s) => (s.state === 'ready' ? s : { state: 'loading' }));
    load().then(
      (data) => ask === latest.current && setState({ state: 'ready', data }),
      (e: unknown) => ask === latest.current && setState({ state: 'error', message: (e as Error).message }),
    );
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}
