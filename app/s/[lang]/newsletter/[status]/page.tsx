// Signed-in readers get the same page under their own header.
export const dynamic = 'force-dynamic';

export { default, generateMetadata } from '@/app/[lang]/newsletter/[status]/page';
