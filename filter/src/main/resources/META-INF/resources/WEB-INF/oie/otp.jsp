<%@ include file="_top.jspf" %>
<%-- An authenticator app's code: to set it up, the QR code (drawn by the filter) and the key, then a code. --%>
<c:choose>
  <c:when test="${oie.enrolling and not empty oie.sharedSecret}">
    <p id="oie-otp-text"><fmt:message key="oie.text.otpEnroll" bundle="${oieText}"/></p>
    <p><img id="oie-qr-code" src="${fn:escapeXml(oie.qrCode)}" width="200" height="200" alt="<fmt:message key="oie.text.qrCodeAlt" bundle="${oieText}"/>"></p>
    <p class="who"><fmt:message key="oie.text.otpKey" bundle="${oieText}"/> <code id="oie-shared-secret"><c:out value="${oie.sharedSecret}"/></code></p>
  </c:when>
  <c:otherwise><p id="oie-otp-text"><fmt:message key="oie.text.otp" bundle="${oieText}"/></p></c:otherwise>
</c:choose>
<%@ include file="_passcode.jspf" %>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
