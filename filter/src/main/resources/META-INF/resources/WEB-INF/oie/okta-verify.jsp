<%@ include file="_top.jspf" %>
<%-- Okta Verify: set up by QR code (drawn by the filter) or a link by email or SMS; verified by a push (its number shown
     large) or a code. While waiting for the phone, "Check again" asks Okta; a small script presses it after Okta's refresh
     interval (the server asks Okta no sooner than that however often it is pressed). --%>
<c:choose>
  <c:when test="${oie.verifyStage == 'SCAN'}">
    <p id="oie-verify-text"><fmt:message key="oie.text.verifyScan" bundle="${oieText}"/></p>
    <c:if test="${not empty oie.qrCode}"><p><img id="oie-qr-code" src="${fn:escapeXml(oie.qrCode)}" width="200" height="200" alt="<fmt:message key="oie.text.verifyQrCodeAlt" bundle="${oieText}"/>"></p></c:if>
    <form method="post" action="${fn:escapeXml(oie.verifyChannelUrl)}" id="oie-verify-channels">
      <%@ include file="_hidden.jspf" %>
      <p><fmt:message key="oie.text.verifyCannotScan" bundle="${oieText}"/></p>
      <button type="submit" class="link" name="channel" value="email" id="oie-verify-by-email"><fmt:message key="oie.button.verifyByEmail" bundle="${oieText}"/></button>
      <button type="submit" class="link" name="channel" value="sms" id="oie-verify-by-sms"><fmt:message key="oie.button.verifyBySms" bundle="${oieText}"/></button>
    </form>
  </c:when>
  <c:when test="${oie.verifyStage == 'ASK_ADDRESS'}">
    <c:set var="oieSms" value="${oie.verifyChannel == 'sms'}"/>
    <form method="post" action="${fn:escapeXml(oie.verifyChannelUrl)}" id="oie-verify-send">
      <%@ include file="_hidden.jspf" %>
      <input type="hidden" name="channel" value="${oieSms ? 'sms' : 'email'}">
      <label for="to"><fmt:message key="${oieSms ? 'oie.label.verifyPhone' : 'oie.label.verifyEmail'}" bundle="${oieText}"/></label>
      <input type="${oieSms ? 'tel' : 'email'}" id="to" name="to" maxlength="100" required autofocus<c:if test="${oie.invalid('to')}"> aria-invalid="true" aria-describedby="oie-error-to"</c:if>>
      <c:set var="oieField" value="to"/><%@ include file="_errors.jspf" %>
      <button type="submit" id="oie-submit"><fmt:message key="oie.button.verifySendLink" bundle="${oieText}"/></button>
    </form>
    <form method="post" action="${fn:escapeXml(oie.verifyChannelUrl)}" id="oie-verify-qr">
      <%@ include file="_hidden.jspf" %>
      <button type="submit" class="link" name="channel" value="qrcode"><fmt:message key="oie.button.verifyByQrCode" bundle="${oieText}"/></button>
    </form>
  </c:when>
  <c:when test="${oie.verifyStage == 'LINK_SENT'}">
    <p id="oie-verify-text"><fmt:message key="oie.text.verifyLinkSent" bundle="${oieText}"/> <strong id="oie-verify-sent-to"><c:out value="${oie.verifyLinkSentTo}"/></strong></p>
  </c:when>
  <c:when test="${oie.verifyStage == 'PUSH'}">
    <p id="oie-verify-text"><fmt:message key="oie.text.verifyPush" bundle="${oieText}"/></p>
    <c:if test="${not empty oie.verifyNumber}">
      <p><fmt:message key="oie.text.verifyNumber" bundle="${oieText}"/></p>
      <p id="oie-verify-number" style="font-size:3rem;font-weight:700;text-align:center;margin:.5rem 0"><c:out value="${oie.verifyNumber}"/></p>
    </c:if>
  </c:when>
  <c:when test="${oie.verifyStage == 'PUSH_REJECTED'}">
    <p class="error" role="alert" id="oie-verify-rejected"><c:out value="${empty oie.verifyMessage ? '' : oie.verifyMessage}"/></p>
  </c:when>
  <c:otherwise>
    <p id="oie-verify-text"><fmt:message key="oie.text.verifyCode" bundle="${oieText}"/></p>
    <%@ include file="_passcode.jspf" %>
  </c:otherwise>
</c:choose>
<c:if test="${oie.verifyPolling}">
<form method="post" action="${fn:escapeXml(oie.verifyPollUrl)}" id="oie-verify-poll">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" id="oie-verify-check"><fmt:message key="oie.button.verifyCheck" bundle="${oieText}"/></button>
</form>
<script nonce="${fn:escapeXml(oie.nonce)}">
setTimeout(function () { document.getElementById('oie-verify-poll').submit(); }, ${oie.verifyRefreshMillis});
</script>
</c:if>
<c:if test="${not oie.verifyEnrolling}">
<form method="post" action="${fn:escapeXml(oie.verifyMethodUrl)}" id="oie-verify-methods">
  <%@ include file="_hidden.jspf" %>
  <c:if test="${oie.verifyStage != 'CODE'}">
  <p><button type="submit" class="link" name="method" value="push" id="oie-verify-resend"><fmt:message key="oie.button.verifyResend" bundle="${oieText}"/></button></p>
  <p><button type="submit" class="link" name="method" value="totp" id="oie-verify-use-code"><fmt:message key="oie.button.verifyUseCode" bundle="${oieText}"/></button></p>
  </c:if>
  <c:if test="${oie.verifyStage == 'CODE'}">
  <button type="submit" class="link" name="method" value="push" id="oie-verify-use-push"><fmt:message key="oie.button.verifyUsePush" bundle="${oieText}"/></button>
  </c:if>
</form>
</c:if>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
