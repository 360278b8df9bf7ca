// The request page's live status: poll the status route and reload the page, which the server renders with the
// verified result (or the rejection, or the expiry), as soon as the request is no longer pending.
(function () {
  var status = document.querySelector('[data-poll]');
  if (!status || status.getAttribute('data-status') !== 'pending') {
    return;
  }
  var url = status.getAttribute('data-poll');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : { status: 'unknown' }; })
      .then(function (body) {
        if (body.status === 'pending') {
          setTimeout(poll, 2000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
})();
