// Upload progress for the publish form: posts it with XMLHttpRequest and shows how much was sent.
// Without XMLHttpRequest upload events the form simply posts as usual.
(function () {
  var form = document.getElementById('publish-form');
  if (!form || !window.FormData || !window.XMLHttpRequest || !('upload' in new XMLHttpRequest())) {
    return;
  }
  var bar = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Upload-Progress', '1');
    // the CSRF token also travels as a header, so that it is checked before the upload is read
    var csrf = form.querySelector('input[name="progate-csrf"]');
    if (csrf) {
      xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value);
    }
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.hidden = false;
        bar.value = Math.round(e.loaded * 100 / e.total);
        status.textContent = bar.value + ' % sent';
      }
    });
    xhr.addEventListener('load', function () {
      var location = xhr.getResponseHeader('Location');
      if (xhr.status === 201 && location) {
        window.location.assign(location);
        return;
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () {
      status.textContent = 'The upload failed; sending the form the ordinary way.';
      form.submit();
    });
    status.textContent = 'Uploading…';
    form.querySelector('button[type=submit]').disabled = true;
    xhr.send(new FormData(form));
  });
})();
