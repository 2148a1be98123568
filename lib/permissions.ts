import type { Viewer } from './viewer';

// One function per rule, called by the UI (to show a control) and by the write (to allow it).

export function canModerate(viewer: Viewer | null): boolean {
  return !!viewer && !viewer.banned && (viewer.role === 'moderator' || viewer.role === 'admin');
}

export function canAdminister(viewer: Viewer | null): boolean {
  return !!viewer && !viewer.banned && viewer.role === 'admin';
}

export function canParticipate(viewer: Viewer | null): boolean {
  return !!viewer && !viewer.banned;
}

export function canManageAccount(viewer: Viewer | null, accountId: number): boolean {
  return !!viewer && viewer.id === accountId;
}
