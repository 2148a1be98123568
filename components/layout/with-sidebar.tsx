/** Main column plus the Discussion sidebar; on narrow screens the sidebar follows the content. */
export function WithSidebar({ children, sidebar }: { children: React.ReactNode; sidebar: React.ReactNode }) {
  return (
    <div className="grid gap-8 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <main id="main" tabIndex={-1} className="min-w-0 focus:outline-none">
        {children}
      </main>
      <div>{sidebar}</div>
    </div>
  );
}

export function SingleColumn({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl py-8 focus:outline-none">
      {children}
    </main>
  );
}
