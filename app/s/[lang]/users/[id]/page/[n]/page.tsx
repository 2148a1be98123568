// Signed-in readers get the same page, rendered per request under their own header.
export const dynamic = 'force-dynamic';

export { default, generateMetadata } from '@/app/[lang]/users/[id]/page/[n]/page';
