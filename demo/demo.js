// The demo's newsletter form reports a conversion, so that the report shows which
// share chains bring subscribers. (An external file: the demo runs under a strict CSP.)
document.getElementById('newsletter').addEventListener('submit', (event) => {
  event.preventDefault();
  window.wom?.convert?.('newsletter', { value: 1, currency: 'EUR' });
  document.getElementById('newsletter-status').textContent = 'Thanks! (Nothing was sent anywhere but the collector.)';
});
