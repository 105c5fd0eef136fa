import type { Logo } from './logo.js';

export default { path: 'M18.2 0q-.7 0-1 .7L9.7 14.3l4.9 9q.1.6 1 .7H19q.3 0 .5-.2v-.6l-5-8.9L22.2.8V.2l-.4-.2zM3.6 4.7q-.3 0-.4.3v.5l2.3 4L2 16.2v.5l.4.2h3.5q.7 0 1-.7l3.7-6.6L8 5.4q-.3-.6-1-.7z', brand: ['#006567', '#57999b'] } satisfies Logo;
