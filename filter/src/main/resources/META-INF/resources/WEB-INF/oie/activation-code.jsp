<%@ include file="_top.jspf" %>
<%-- The same page whether or not an activation started: it must not tell whether the account exists. --%>
<p id="oie-activation-text"><fmt:message key="oie.text.activationCode" bundle="${oieText}"/></p>
<form method="post" action="${fn:escapeXml(oie.answerUrl)}" id="oie-code">
  <%@ include file="_hidden.jspf" %>
  <label for="passcode"><fmt:message key="oie.label.code" bundle="${oieText}"/></label>
  <input type="text" id="passcode" name="passcode" inputmode="numeric" autocomplete="one-time-code" required autofocus>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.verify" bundle="${oieText}"/></button>
</form>
<form method="post" action="${fn:escapeXml(oie.resendUrl)}" id="oie-resend">
  <%@ include file="_hidden.jspf" %>
  <c:choose>
    <c:when test="${oie.resendWaitSeconds > 0}">
      <p class="who" id="oie-resend-wait"><fmt:message key="oie.text.resendWait" bundle="${oieText}"><fmt:param value="${oie.resendWaitSeconds}"/></fmt:message></p>
      <button type="submit" class="link" disabled><fmt:message key="oie.button.resend" bundle="${oieText}"/></button>
    </c:when>
    <c:otherwise><button type="submit" class="link" id="oie-resend-button"><fmt:message key="oie.button.resend" bundle="${oieText}"/></button></c:otherwise>
  </c:choose>
</form>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
