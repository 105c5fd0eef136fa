// Deferred, before the widgets' bundle: `?widget=share|repost|review` keeps that widget only,
// `?lang=fa` draws the page in Persian, right to left.
const query = new URLSearchParams(location.search);
const lang = query.get('lang') ?? 'en';
document.documentElement.lang = lang;
document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
for (const section of document.querySelectorAll('body > section')) {
  if (section.id !== query.get('widget')) section.remove();
}
