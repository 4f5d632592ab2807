"use client";

import { useEffect, useState } from "react";

/**
 * A module the page loads on first need rather than with its first load (a dialog, a menu, the
 * toaster): `load()` starts the load once (or joins it; a failed load may be tried again), and
 * `get()` is the module, synchronously, once it is here.
 */
export interface OnDemand<M> {
  get(): M | null;
  load(): Promise<M>;
}

export function onDemand<M>(importer: () => Promise<M>): OnDemand<M> {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  return {
    get: () => loaded,
    load: () =>
      (pending ??= importer().then(
        (module) => (loaded = module),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      )),
  };
}

/**
 * The module in a component: null until it is here. While `wanted`, it is loaded and the component
 * renders again when it arrives; a module another component loaded already is there at once.
 */
export function useOnDemand<M>(source: OnDemand<M>, wanted: boolean): M | null {
  const [module, setModule] = useState<M | null>(() => source.get());
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    source.load().then(
      (loaded) => live && setModule(() => loaded),
      // A chunk that did not arrive (offline, a new deployment): the next intent tries again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, wanted, module]);
  return module ?? (wanted ? source.get() : null);
}
