import { forbidden, redirect } from 'next/navigation';
import { canModerate } from '@/lib/permissions';
import { getViewer } from '@/lib/session';

export const dynamic = 'force-dynamic';

// The page-level check; every admin action checks again through the action wrapper, and every
// write once more in its WHERE. Nothing here relies on proxy.ts.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Fadmin');
  if (!canModerate(viewer)) forbidden();
  return children;
}
