import { notFound } from 'next/navigation';

// Any address no route claims: the language layout's 404 page, with the site's header and footer.
export default function CatchAll() {
  notFound();
}
