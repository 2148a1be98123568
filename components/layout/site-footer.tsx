import type { Messages } from '@/lib/i18n/messages';

export function SiteFooter({ t }: { t: Messages }) {
  return (
    <footer className="mt-12 border-t border-slate-200 py-6 text-center text-sm text-slate-500">
      <p>
        {t.siteName} — {t.siteTagline}
      </p>
    </footer>
  );
}
