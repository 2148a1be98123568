'use client';

import { useEffect, useEffectEvent } from 'react';
import { subscribeLive, type LiveMessage } from './live-client';

export type { LiveMessage } from './live-client';

/**
 * Calls `listener` with every message of the tab's live stream while the component is mounted.
 * The latest `listener` is always the one called; changing it does not reconnect.
 */
export function useLive(listener: (message: LiveMessage) => void): void {
  const onMessage = useEffectEvent(listener);
  useEffect(() => subscribeLive((message) => onMessage(message)), []);
}
