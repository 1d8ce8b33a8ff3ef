<%@ include file="_top.jspf" %>
<%-- WebAuthn: the browser creates a credential (set up) or signs Okta's challenge (verify) with the options Okta
     gave, read from a data attribute by the script below (this response's CSP nonce); the results go back in a
     CSRF-protected form. Without script or WebAuthn the page says so and offers to start over. --%>
<%-- It starts by itself, unless the page already says why the last try failed: then the person chooses to try again. --%>
<div id="oie-webauthn" data-options="${fn:escapeXml(oie.webAuthnOptions)}" data-autostart="${empty oie.messageKeys}"
     data-unsupported="<fmt:message key="oie.text.webauthnUnsupported" bundle="${oieText}"/>"
     data-cancelled="<fmt:message key="oie.text.webauthnCancelled" bundle="${oieText}"/>"
     data-failed="<fmt:message key="oie.text.webauthnFailed" bundle="${oieText}"/>"
     data-waiting="<fmt:message key="oie.text.webauthnWaiting" bundle="${oieText}"/>">
  <p id="oie-webauthn-text"><fmt:message key="${oie.enrolling ? 'oie.text.webauthnEnroll' : 'oie.text.webauthn'}" bundle="${oieText}"/></p>
  <c:if test="${empty oie.webAuthnOptions}"><p class="error" role="alert" id="oie-webauthn-no-options"><fmt:message key="oie.text.webauthnNoOptions" bundle="${oieText}"/></p></c:if>
  <p id="oie-webauthn-status" role="status" aria-live="polite" hidden></p>
  <noscript><p class="error"><fmt:message key="oie.text.webauthnUnsupported" bundle="${oieText}"/></p></noscript>
</div>
<form method="post" action="${fn:escapeXml(oie.webAuthnUrl)}" id="oie-webauthn-form">
  <%@ include file="_hidden.jspf" %>
  <input type="hidden" name="clientData" id="oie-webauthn-clientData">
  <input type="hidden" name="attestation" id="oie-webauthn-attestation">
  <input type="hidden" name="authenticatorData" id="oie-webauthn-authenticatorData">
  <input type="hidden" name="signatureData" id="oie-webauthn-signatureData">
  <button type="button" id="oie-webauthn-start" hidden><fmt:message key="oie.button.webauthnStart" bundle="${oieText}"/></button>
</form>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<span id="oie-webauthn-retry-label" hidden><fmt:message key="oie.button.webauthnRetry" bundle="${oieText}"/></span>
<script nonce="${fn:escapeXml(oie.nonce)}">
(function () {
  var box = document.getElementById('oie-webauthn');
  var status = document.getElementById('oie-webauthn-status');
  var start = document.getElementById('oie-webauthn-start');
  var form = document.getElementById('oie-webauthn-form');
  function say(text, error) {
    status.textContent = text;
    status.className = error ? 'error' : 'info';
    status.hidden = false;
  }
  function bin(s) { // base64url to bytes
    var b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    var out = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) { out[i] = b.charCodeAt(i); }
    return out;
  }
  function str(buffer) { // bytes to base64url
    var b = new Uint8Array(buffer), s = '';
    for (var i = 0; i < b.length; i++) { s += String.fromCharCode(b[i]); }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function ids(list) {
    return (list || []).map(function (c) { return { type: c.type || 'public-key', id: bin(c.id), transports: c.transports }; });
  }
  var raw = box.dataset.options;
  if (!raw) { return; }
  if (!window.PublicKeyCredential || !navigator.credentials) {
    say(box.dataset.unsupported, true);
    return;
  }
  var options = JSON.parse(raw);
  function run() {
    start.hidden = true;
    say(box.dataset.waiting, false);
    var request;
    if (options.create) {
      var c = Object.assign({}, options.create);
      c.challenge = bin(c.challenge);
      c.user = Object.assign({}, c.user, { id: bin(c.user.id) });
      c.excludeCredentials = ids(c.excludeCredentials);
      request = navigator.credentials.create({ publicKey: c });
    } else {
      var g = Object.assign({}, options.get);
      g.challenge = bin(g.challenge);
      g.allowCredentials = ids(g.allowCredentials);
      request = navigator.credentials.get({ publicKey: g });
    }
    request.then(function (credential) {
      var r = credential.response;
      document.getElementById('oie-webauthn-clientData').value = str(r.clientDataJSON);
      if (options.create) {
        document.getElementById('oie-webauthn-attestation').value = str(r.attestationObject);
      } else {
        document.getElementById('oie-webauthn-authenticatorData').value = str(r.authenticatorData);
        document.getElementById('oie-webauthn-signatureData').value = str(r.signature);
      }
      form.submit();
    }).catch(function (e) {
      say(e && (e.name === 'NotAllowedError' || e.name === 'AbortError') ? box.dataset.cancelled : box.dataset.failed, true);
      start.textContent = document.getElementById('oie-webauthn-retry-label').textContent;
      start.hidden = false;
    });
  }
  start.addEventListener('click', run);
  if (box.dataset.autostart === 'true') {
    run();
  } else {
    start.textContent = document.getElementById('oie-webauthn-retry-label').textContent;
    start.hidden = false;
  }
})();
</script>
<%@ include file="_bottom.jspf" %>
