<%@ include file="_top.jspf" %>
<%-- After a failed identify, the same page whether or not an activation started: it must not tell whether the account
     exists. Opened from an activation link, the person holds the account's token: the page may say what it is for. --%>
<p id="oie-activation-text"><c:choose>
  <c:when test="${oie.purpose == 'ACTIVATION' and not empty oie.sentTo}"><fmt:message key="oie.text.codeSentTo" bundle="${oieText}"><fmt:param value="${fn:escapeXml(oie.sentTo)}"/></fmt:message> <fmt:message key="oie.text.codeEnrollFor.ACTIVATION" bundle="${oieText}"/></c:when>
  <c:when test="${oie.purpose == 'ACTIVATION'}"><fmt:message key="oie.text.codeSent" bundle="${oieText}"/> <fmt:message key="oie.text.codeEnrollFor.ACTIVATION" bundle="${oieText}"/></c:when>
  <c:otherwise><fmt:message key="oie.text.activationCode" bundle="${oieText}"/></c:otherwise>
</c:choose></p>
<%@ include file="_passcode.jspf" %>
<%@ include file="_resend.jspf" %>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
