<%@ include file="_top.jspf" %>
<p id="oie-code-text"><c:choose>
  <c:when test="${oie.purpose == 'UNLOCK'}"><fmt:message key="oie.text.codeUnlock" bundle="${oieText}"/></c:when>
  <c:otherwise><c:choose>
    <c:when test="${not empty oie.sentTo and not empty oie.sentBy}"><fmt:message key="oie.text.codeSentToBy.${oie.sentBy}" bundle="${oieText}"><fmt:param value="${fn:replace(fn:escapeXml(oie.sentTo), ' ', '&#160;')}"/></fmt:message></c:when>
    <c:when test="${not empty oie.sentTo}"><fmt:message key="oie.text.codeSentTo" bundle="${oieText}"><fmt:param value="${fn:escapeXml(oie.sentTo)}"/></fmt:message></c:when>
    <c:when test="${oie.authenticatorKey == 'phone_number'}"><fmt:message key="oie.text.codeSentPhone" bundle="${oieText}"/></c:when>
    <c:otherwise><fmt:message key="oie.text.codeSent" bundle="${oieText}"/></c:otherwise>
  </c:choose> <fmt:message key="${oie.enrolling ? (oie.authenticatorKey == 'phone_number' ? 'oie.text.phoneCodeEnrollFor.' : 'oie.text.codeEnrollFor.') : 'oie.text.codeFor.'}${oie.purpose}" bundle="${oieText}"/></c:otherwise>
</c:choose></p>
<%@ include file="_passcode.jspf" %>
<%@ include file="_resend.jspf" %>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
