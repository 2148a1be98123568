import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { canModerate } from '@/lib/permissions';
import { getViewer } from '@/lib/session';
import type { Viewer } from '@/lib/viewer';

/**
 * The admin pages' check, made by the layout AND by every page before it reads anything. Next
 * renders a layout and its page at the same time: a page that trusted its layout's check had its
 * whole output (users' e-mails, the queues, the log) streamed inside the layout's 403 response.
 */
export async function requireModeratorPage(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Fadmin');
  if (!canModerate(viewer)) forbidden();
  return viewer;
}
