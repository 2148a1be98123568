import { requireModeratorPage } from './guard';

export const dynamic = 'force-dynamic';

// The layout-level check. It is not enough on its own (see ./guard.ts): every admin page calls
// requireModeratorPage() itself, every admin action checks again through the action wrapper, and
// every write once more in its WHERE. Nothing here relies on proxy.ts.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireModeratorPage();
  return children;
}
